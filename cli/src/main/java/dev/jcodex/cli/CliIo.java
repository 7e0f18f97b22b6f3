package dev.jcodex.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process-level inputs of one CLI invocation: standard streams, environment, working directory and whether a
 * terminal is attached. Subcommands read only from here, never from {@code System}.
 */
public record CliIo(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd,
        boolean interactive) {
    public CliIo {
        env = Map.copyOf(env);
    }
}
