package dev.jcodex.process;

import java.nio.charset.StandardCharsets;

/** Retained stdout, stderr and their interleaving, each capped by the same {@link OutputCaps}. Thread-safe. */
final class OutputCapture {

    private final ByteRing stdout;
    private final ByteRing stderr;
    private final ByteRing aggregated;

    OutputCapture(OutputCaps caps) {
        this.stdout = new ByteRing(caps.maxBytesPerStream(), caps.retention());
        this.stderr = new ByteRing(caps.maxBytesPerStream(), caps.retention());
        this.aggregated = new ByteRing(caps.maxBytesPerStream(), caps.retention());
    }

    synchronized void append(StreamKind kind, byte[] chunk, int length) {
        (kind == StreamKind.STDOUT ? stdout : stderr).append(chunk, 0, length);
        aggregated.append(chunk, 0, length);
    }

    synchronized String stdout() {
        return decode(stdout.toBytes());
    }

    synchronized String stderr() {
        return decode(stderr.toBytes());
    }

    synchronized String aggregated() {
        return decode(aggregated.toBytes());
    }

    /** UTF-8 with malformed input replaced by U+FFFD. */
    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
