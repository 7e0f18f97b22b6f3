package dev.jcodex.appserver.client;

import dev.jcodex.appserver.protocol.JsonRpcMessage;
import java.io.IOException;

/**
 * How an {@link AppServerClient} reaches its server: in-process (supplied by the app-server module), stdio or
 * WebSocket. Implementations must allow {@link #send} from several threads at once and {@link #receive} from one.
 */
public interface AppServerTransport extends AutoCloseable {

    /** Sends one message to the server; may block while the server lags. */
    void send(JsonRpcMessage message) throws IOException;

    /**
     * Blocks until the server's next message arrives.
     *
     * @return the message, or {@code null} once the server has closed the connection
     */
    JsonRpcMessage receive() throws IOException, InterruptedException;

    /** Closes the connection; a blocked {@link #receive} then returns {@code null} or throws. Idempotent. */
    @Override
    void close();
}
