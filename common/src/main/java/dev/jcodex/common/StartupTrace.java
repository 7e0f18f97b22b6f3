package dev.jcodex.common;

import java.time.Instant;

/**
 * Start-up/exit phase probes for performance work: with {@code JCODEX_TRACE_STARTUP} set, each {@link #mark} prints
 * {@code jcodex-trace <epoch seconds, µs> <phase> [heap <used MiB>]} to stderr (the launcher prints its own start the same way), so
 * the phases line up with the conformance mock's request timeline. Off by default; then a mark costs one branch.
 */
public final class StartupTrace {
    private static final boolean ON = System.getenv("JCODEX_TRACE_STARTUP") != null;

    private StartupTrace() {}

    /** Prints one trace line for {@code phase} when tracing is on. */
    public static void mark(String phase) {
        if (ON) {
            Instant now = Instant.now();
            Runtime rt = Runtime.getRuntime();
            System.err.printf("jcodex-trace %d.%06d %s [heap %d MiB]%n", now.getEpochSecond(), now.getNano() / 1000,
                    phase, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
