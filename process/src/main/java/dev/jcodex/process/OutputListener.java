package dev.jcodex.process;

/**
 * Receives a process's output as it arrives, for streaming deltas to a UI.
 *
 * <p>Calls come from the reader threads, one thread per stream, so two streams may call concurrently. A chunk is the
 * raw bytes of one read and may end in the middle of a UTF-8 sequence. The array is owned by the listener. Exceptions
 * thrown by a listener are logged and otherwise ignored; they never stop output capture.
 */
@FunctionalInterface
public interface OutputListener {

    /** A listener that ignores everything. */
    OutputListener NONE = (stream, chunk) -> {};

    /** New bytes on {@code stream}. */
    void onOutput(StreamKind stream, byte[] chunk);

    /**
     * The process exited ({@code exitCode} mapped as in {@link RunningProcess#exitCode()}) and its output readers have
     * finished or given up; {@code aggregatedOutput} is the retained interleaved output.
     */
    default void onExit(int exitCode, String aggregatedOutput) {}
}
