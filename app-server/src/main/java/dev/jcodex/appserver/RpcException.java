package dev.jcodex.appserver;

/** A request failed in a way the client should see as a JSON-RPC error with this code and message. */
final class RpcException extends RuntimeException {
    private final int code;

    RpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
