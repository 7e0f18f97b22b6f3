package dev.jcodex.appserver.client;

/** The server closed the connection (or the client was closed); no further events or responses will come. */
public final class AppServerClosedException extends AppServerClientException {
    /** With a message and, when the connection failed rather than ended, the cause. */
    public AppServerClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
