package dev.jcodex.sandbox;

import dev.jcodex.common.SpawnConfinement;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox module's own minimal launcher (the real one lives in the process module): follows a
 * {@link SandboxPlan}, and for {@link SandboxPlan.Confine} applies the confinement on a fresh platform thread
 * that then calls {@link ProcessBuilder#start()} and ends.
 *
 * <p>Caveat, and the reason production code uses the process module's native {@code posix_spawn} hop instead:
 * {@code ProcessBuilder.start()} may create the JDK's "process reaper" pool thread from the confined thread, and
 * that thread inherits the confinement. It only waits for children and completes their exit futures, which the
 * escape suite never chains work onto, so the suite is unaffected — but a long-lived application should not
 * spawn confined children through {@code ProcessBuilder}.
 */
final class SandboxedSpawn {

    private SandboxedSpawn() {}

    /** Starts {@code command} under {@code plan}, stdin closed, stdout and stderr piped. */
    static Process start(SandboxPlan plan, List<String> command, Path workingDir, Map<String, String> env)
            throws IOException {
        return switch (plan) {
            case SandboxPlan.RunPlain p -> builder(command, workingDir, env, p.envAdditions()).start();
            case SandboxPlan.WrapArgv w -> builder(w.wrap(command), workingDir, env, w.envAdditions()).start();
            case SandboxPlan.Confine c ->
                    startConfined(c.confinement(), builder(command, workingDir, env, c.envAdditions()));
            case SandboxPlan.Unavailable u -> throw new SpawnConfinement.SandboxUnavailableException(u.reason());
        };
    }

    /** Applies {@code confinement} on a throw-away platform thread and starts the process from it. */
    static Process startConfined(SpawnConfinement confinement, ProcessBuilder builder) throws IOException {
        AtomicReference<Process> process = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread spawner = Thread.ofPlatform().name("jcodex-sandbox-spawn").unstarted(() -> {
            try {
                confinement.applyToCurrentThread();
                process.set(builder.start());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        spawner.start();
        try {
            spawner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while spawning", e);
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return process.get();
    }

    static ProcessBuilder builder(List<String> command, Path workingDir, Map<String, String> env,
            Map<String, String> additions) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.clear();
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(additions);
        childEnv.putAll(merged);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder;
    }
}
