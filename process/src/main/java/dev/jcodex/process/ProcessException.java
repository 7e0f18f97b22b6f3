package dev.jcodex.process;

/** Root of the unchecked exceptions of the {@code process} module. */
public class ProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public ProcessException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public ProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
