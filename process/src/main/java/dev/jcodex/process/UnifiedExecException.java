package dev.jcodex.process;

import java.util.Objects;

/** A failed {@code exec_command} / {@code write_stdin} call; the message is what the model sees. */
public final class UnifiedExecException extends ProcessException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The process could not be started. */
        CREATE_PROCESS,
        /** No live session has the id. */
        UNKNOWN_PROCESS,
        /** Input was sent to a session without a terminal. */
        STDIN_CLOSED,
        /** Writing the input failed although the process is alive. */
        WRITE_FAILED
    }

    private final Kind kind;

    private UnifiedExecException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    static UnifiedExecException createProcess(Throwable cause) {
        return new UnifiedExecException(Kind.CREATE_PROCESS,
                "Failed to create unified exec process: " + cause.getMessage(), cause);
    }

    static UnifiedExecException unknownProcess(int sessionId) {
        return new UnifiedExecException(Kind.UNKNOWN_PROCESS, "Unknown process id " + sessionId, null);
    }

    static UnifiedExecException stdinClosed() {
        return new UnifiedExecException(Kind.STDIN_CLOSED,
                "stdin is closed for this session; rerun exec_command with tty=true to keep stdin open", null);
    }

    static UnifiedExecException writeFailed(Throwable cause) {
        return new UnifiedExecException(Kind.WRITE_FAILED, "failed to write to stdin", cause);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
