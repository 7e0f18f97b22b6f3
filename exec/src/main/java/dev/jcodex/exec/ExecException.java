package dev.jcodex.exec;

/** Root of this module's unchecked exceptions; the message is what {@code codex exec} prints before exiting 1. */
public class ExecException extends RuntimeException {
    /** With the user-facing message. */
    public ExecException(String message) {
        super(message);
    }

    /** With the user-facing message and the cause. */
    public ExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
