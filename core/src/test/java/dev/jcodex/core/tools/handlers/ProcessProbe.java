package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Helpers for tests that check what happened to real child processes. */
final class ProcessProbe {
    private static final long WAIT_LIMIT_MS = 30_000;

    private ProcessProbe() {}

    /** The pid written to {@code file} (waits until the file has a complete line). */
    static long readPid(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file);
                if (text.endsWith("\n")) {
                    return Long.parseLong(text.strip());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no pid in " + file);
    }

    /** Whether a process with {@code pid} exists and is not a zombie (an unreaped corpse). */
    static boolean alive(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        String afterName = text.substring(text.lastIndexOf(')') + 2);
        return !afterName.startsWith("Z") && !afterName.startsWith("X");
    }

    /**
     * Runs {@code body} on a new thread, interrupts it once {@code marker} holds a pid, and returns what the body
     * threw (null if it returned).
     */
    static Throwable interruptWhenExists(Path marker, Callable<?> body) throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = Thread.ofPlatform().start(() -> {
            try {
                body.call();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        readPid(marker);
        worker.interrupt();
        worker.join(WAIT_LIMIT_MS);
        assertThat(worker.isAlive()).as("worker still running after interrupt").isFalse();
        return thrown.get();
    }
}
