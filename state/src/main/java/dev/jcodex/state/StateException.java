package dev.jcodex.state;

/** Root of the unchecked exceptions thrown by the {@code state} module. */
public class StateException extends RuntimeException {
    /** An exception with a message. */
    public StateException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
