package dev.jcodex.appserver;

import dev.jcodex.appserver.client.AppServerTransport;
import dev.jcodex.appserver.client.InMemoryTransport;

/**
 * An {@link AppServer} in this process with one in-memory connection: hand {@link #clientTransport()} to
 * {@code AppServerClient.start(...)}. Messages travel as objects (no JSON text); each direction holds at most
 * {@link InMemoryTransport#DEFAULT_CAPACITY} unread messages, which carries the client's backpressure to the
 * server's event pumps.
 */
public final class InProcessAppServer implements AutoCloseable {
    private final AppServer server;
    private final AppServerTransport clientEnd;

    private InProcessAppServer(AppServer server, AppServerTransport clientEnd) {
        this.server = server;
        this.clientEnd = clientEnd;
    }

    /** Starts a server with {@code options} and connects one in-memory client end to it. */
    public static InProcessAppServer start(AppServerOptions options) {
        AppServer server = AppServer.create(options);
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        server.connect(pair.server());
        return new InProcessAppServer(server, pair.client());
    }

    /** The client's end of the connection. */
    public AppServerTransport clientTransport() {
        return clientEnd;
    }

    /** The server, e.g. to {@link AppServer#connect} more clients. */
    public AppServer server() {
        return server;
    }

    /** Closes the connection and the server: every thread is shut down and its rollout synced. Idempotent. */
    @Override
    public void close() {
        clientEnd.close();
        server.close();
    }
}
