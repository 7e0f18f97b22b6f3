package dev.jcodex.sandbox;

import dev.jcodex.common.SpawnConfinement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Test helper: runs {@code /bin/sh -c script} under a plan or confinement and collects the result. */
record ShellRun(int exitCode, String stdout, String stderr) {

    static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8");

    static ShellRun confined(SpawnConfinement confinement, Path cwd, String script) throws Exception {
        return collect(SandboxedSpawn.startConfined(confinement,
                SandboxedSpawn.builder(List.of("/bin/sh", "-c", script), cwd, ENV, Map.of())));
    }

    static ShellRun planned(SandboxPlan plan, Path cwd, String script) throws Exception {
        return collect(SandboxedSpawn.start(plan, List.of("/bin/sh", "-c", script), cwd, ENV));
    }

    static ShellRun collect(Process process) throws IOException, InterruptedException {
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        return new ShellRun(process.waitFor(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
