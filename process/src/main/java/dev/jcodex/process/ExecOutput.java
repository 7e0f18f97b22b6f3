package dev.jcodex.process;

import java.time.Duration;
import java.util.Objects;

/**
 * Result of a one-shot run.
 *
 * @param exitCode   exit status; {@code 128 + n} when killed by signal n; 124 when the timeout fired
 * @param stdout     retained standard output, decoded as UTF-8 (malformed bytes become U+FFFD)
 * @param stderr     retained standard error
 * @param aggregated stdout and stderr interleaved in arrival order, capped like each stream
 * @param duration   time from spawn to the end of output collection
 * @param timedOut   whether the timeout killed the process
 */
public record ExecOutput(int exitCode, String stdout, String stderr, String aggregated, Duration duration,
        boolean timedOut) {

    /** Exit code of a timed-out command. */
    public static final int TIMEOUT_EXIT_CODE = 124;

    /** Validates the components. */
    public ExecOutput {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(aggregated, "aggregated");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * The text the model sees before truncation: {@link #aggregated()}, prefixed with {@code command timed out after
     * <ms> milliseconds\n} (elapsed milliseconds) when the command timed out.
     */
    public String contentForModel() {
        return timedOut ? "command timed out after " + duration.toMillis() + " milliseconds\n" + aggregated : aggregated;
    }
}
