package dev.jcodex.core;

/** A thread could not be opened or an operation was refused; the message is final text for the user. */
public final class CoreException extends RuntimeException {
    public CoreException(String message) {
        super(message);
    }

    public CoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
