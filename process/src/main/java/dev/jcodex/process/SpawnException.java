package dev.jcodex.process;

/**
 * The child could not be started (program not found, not executable, bad working directory, no PTY available).
 * Nothing is left running when this is thrown.
 */
public final class SpawnException extends ProcessException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public SpawnException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public SpawnException(String message, Throwable cause) {
        super(message, cause);
    }
}
