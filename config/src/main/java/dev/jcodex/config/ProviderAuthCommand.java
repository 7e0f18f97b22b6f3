package dev.jcodex.config;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code [model_providers.<id>.auth]}: a command whose standard output is the bearer token.
 *
 * @param command program (bare names resolve via {@code PATH}, relative paths against {@code cwd})
 * @param args arguments
 * @param timeoutMs how long the command may run (default 5000, must be positive)
 * @param refreshIntervalMs maximum token age before re-running (default 300000; 0 = only after a 401)
 * @param cwd working directory (default: the directory of the config file that defined it)
 */
public record ProviderAuthCommand(String command, List<String> args, long timeoutMs, long refreshIntervalMs,
        Path cwd) {

    public static final long DEFAULT_TIMEOUT_MS = 5_000;
    public static final long DEFAULT_REFRESH_INTERVAL_MS = 300_000;

    public ProviderAuthCommand {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
