package dev.jcodex.execpolicy;

/** Root of the unchecked exceptions this module throws. */
public class ExecPolicyException extends RuntimeException {
    public ExecPolicyException(String message) {
        super(message);
    }

    public ExecPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
