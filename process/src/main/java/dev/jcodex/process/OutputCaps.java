package dev.jcodex.process;

import java.util.Objects;

/**
 * How much output a process retains per stream (the aggregated stdout+stderr text has the same cap).
 *
 * @param maxBytesPerStream retained bytes per stream, {@code > 0}
 * @param retention         which bytes survive once the cap is reached
 */
public record OutputCaps(int maxBytesPerStream, Retention retention) {

    /** 1 MiB: the reference's per-stream cap for shell tools and its unified exec buffer size. */
    public static final int ONE_MIB = 1024 * 1024;

    /** One-shot runs ({@code shell}, {@code shell_command}): the first 1 MiB of each stream. */
    public static final OutputCaps ONE_SHOT = new OutputCaps(ONE_MIB, Retention.HEAD);

    /** Long-lived sessions: the first and the last 512 KiB of each stream. */
    public static final OutputCaps SESSION = new OutputCaps(ONE_MIB, Retention.HEAD_AND_TAIL);

    /** Which bytes a full buffer keeps. */
    public enum Retention {
        /** Keep the first bytes, drop later ones. */
        HEAD,
        /** Keep the first half and the most recent half, drop the middle. */
        HEAD_AND_TAIL
    }

    /** Validates the components. */
    public OutputCaps {
        if (maxBytesPerStream <= 0) {
            throw new IllegalArgumentException("maxBytesPerStream must be > 0: " + maxBytesPerStream);
        }
        Objects.requireNonNull(retention, "retention");
    }
}
