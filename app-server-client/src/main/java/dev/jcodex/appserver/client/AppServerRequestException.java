package dev.jcodex.appserver.client;

import dev.jcodex.appserver.protocol.JsonRpcError;
import tools.jackson.databind.JsonNode;

/** The server answered a request with a JSON-RPC error. {@link #getMessage()} is the server's message. */
public final class AppServerRequestException extends AppServerClientException {
    private final String method;
    private final int code;
    private final transient JsonNode data;

    /** The error {@code error} returned for a {@code method} request. */
    public AppServerRequestException(String method, JsonRpcError error) {
        super(error.message());
        this.method = method;
        this.code = error.code();
        this.data = error.data();
    }

    /** The request's method. */
    public String method() {
        return method;
    }

    /** The JSON-RPC error code (see {@code ErrorCodes}). */
    public int code() {
        return code;
    }

    /** The error's {@code data}, or null. */
    public JsonNode data() {
        return data;
    }
}
