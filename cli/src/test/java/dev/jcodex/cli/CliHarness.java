package dev.jcodex.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs {@code codex …} in-process with given stdin, environment and working directory; captures both streams. */
final class CliHarness {

    record Result(int code, String out, String err) {}

    private final Map<String, String> env = new LinkedHashMap<>();
    private final Path cwd;

    /** A harness with {@code CODEX_HOME=codexHome}, this JVM's {@code PATH} and {@code cwd}. */
    CliHarness(Path codexHome, Path cwd) {
        env.put("CODEX_HOME", codexHome.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        this.cwd = cwd;
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIo io = new CliIo(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, cwd, false);
        int code = Main.run(io, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
