package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.RequestId;

/** The one answer to one client request: a result or an error, whichever is given first. */
final class Reply {
    private final Connection connection;
    private final RequestId id;
    private boolean sent;

    Reply(Connection connection, RequestId id) {
        this.connection = connection;
        this.id = id;
    }

    /** Sends {@code result} (a wire record) unless an answer was already sent. */
    synchronized void result(Object result) {
        if (!sent) {
            sent = true;
            connection.send(JsonRpcMessage.response(id, result));
        }
    }

    /** Sends an error unless an answer was already sent. */
    synchronized void error(int code, String message) {
        if (!sent) {
            sent = true;
            connection.send(JsonRpcMessage.error(id, code, message));
        }
    }

    /** The connection that asked. */
    Connection connection() {
        return connection;
    }
}
