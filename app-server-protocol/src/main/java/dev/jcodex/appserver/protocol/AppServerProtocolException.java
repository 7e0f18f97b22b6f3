package dev.jcodex.appserver.protocol;

/** Root of the unchecked exceptions of this module: a message that is not valid JSON-RPC or not a known shape. */
public class AppServerProtocolException extends RuntimeException {
    /** With a message that says what was wrong and where. */
    public AppServerProtocolException(String message) {
        super(message);
    }

    /** With a message and the underlying parse failure. */
    public AppServerProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
