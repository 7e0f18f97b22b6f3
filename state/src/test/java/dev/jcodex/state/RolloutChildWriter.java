package dev.jcodex.state;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process for {@link KillSafetyTest}: appends items forever, flushing every 10 and printing
 * {@code flushed <n>} (n = items appended so far, session meta excluded) after each flush.
 */
public final class RolloutChildWriter {
    private RolloutChildWriter() {}

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        String padding = "x".repeat(3000);
        try (RolloutWriter w = RolloutWriter.create(path, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER, Clock.systemUTC(), 64)) {
            for (long n = 1; ; n++) {
                w.append(Fixtures.user("item " + n + " " + padding));
                if (n % 10 == 0) {
                    w.flush();
                    System.out.println("flushed " + n);
                    System.out.flush();
                }
            }
        }
    }
}
