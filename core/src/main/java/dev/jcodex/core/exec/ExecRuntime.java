package dev.jcodex.core.exec;

import dev.jcodex.config.Config;
import java.nio.file.Path;
import java.util.Map;

/**
 * Session-scoped services for running commands: process launcher, sandbox selection, exec policy, the unified
 * exec (PTY) sessions of {@code exec_command}/{@code write_stdin}. Closing it kills every process it started.
 */
public final class ExecRuntime implements AutoCloseable {
    private final Config config;
    private final Map<String, String> env;
    private final Path codexHome;

    private ExecRuntime(Config config, Map<String, String> env, Path codexHome) {
        this.config = config;
        this.env = Map.copyOf(env);
        this.codexHome = codexHome;
    }

    /** Creates the runtime of one session; does no I/O (everything is started lazily on first use). */
    public static ExecRuntime create(Config config, Map<String, String> env, Path codexHome) {
        return new ExecRuntime(config, env, codexHome);
    }

    @Override
    public void close() {
    }
}
