package dev.jcodex.appserver.protocol;

/** JSON-RPC error codes the app-server and its clients use. */
public final class ErrorCodes {
    /** The line was not JSON. */
    public static final int PARSE_ERROR = -32700;
    /** Not a valid request; also "Not initialized", "Already initialized" and experimental gating. */
    public static final int INVALID_REQUEST = -32600;
    /** No such method. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** The params did not match the method's shape. */
    public static final int INVALID_PARAMS = -32602;
    /** The server failed while handling the request. */
    public static final int INTERNAL_ERROR = -32603;
    /** A client refused a server request (what {@code codex exec} answers to approvals). */
    public static final int REQUEST_REJECTED = -32000;
    /** "Server overloaded; retry later." — the bounded ingress queue is full; retry with backoff. */
    public static final int SERVER_OVERLOADED = -32001;

    private ErrorCodes() {}
}
