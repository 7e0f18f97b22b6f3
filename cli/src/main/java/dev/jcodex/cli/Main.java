package dev.jcodex.cli;

import dev.jcodex.common.StartupTrace;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the {@code codex} multi-tool. {@link #run} takes its streams and environment and returns the exit
 * code, so every subcommand is testable in-process; {@link #main} is the only place that exits the JVM.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        StartupTrace.mark("main");
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // Fast path: no argument parser, no config, no logging set-up.
            System.out.println("codex-cli " + Version.current());
            return;
        }
        if (args.length > 0 && ("exec".equals(args[0]) || "e".equals(args[0]))) {
            StartupWarmUp.start();
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        CliIo io = new CliIo(System.in, out, err, System.getenv(), Path.of("").toAbsolutePath(),
                System.console() != null);
        int code = run(io, args);
        out.flush();
        err.flush();
        StartupTrace.mark("exit");
        System.exit(code);
    }

    /** Runs {@code codex args…} with the given streams and environment and returns the exit code. */
    public static int run(CliIo io, String... args) {
        return RootCommand.execute(io, args);
    }

    /** Convenience for tests: run with explicit streams and environment. */
    public static int run(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path cwd,
            String... args) {
        return run(new CliIo(in, out, err, env, cwd, false), args);
    }
}
