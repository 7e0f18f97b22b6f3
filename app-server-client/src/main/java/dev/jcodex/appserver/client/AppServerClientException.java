package dev.jcodex.appserver.client;

/** Root of this module's unchecked exceptions: the connection failed, closed, or was interrupted. */
public class AppServerClientException extends RuntimeException {
    /** With a message saying what failed. */
    public AppServerClientException(String message) {
        super(message);
    }

    /** With a message and the cause. */
    public AppServerClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
