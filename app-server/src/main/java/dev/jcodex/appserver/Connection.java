package dev.jcodex.appserver;

import dev.jcodex.appserver.client.AppServerTransport;
import dev.jcodex.appserver.protocol.AppServerProtocolException;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.ServerNotification;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection: reads the client's messages on a virtual thread, hands them to the
 * {@link MessageProcessor}, and sends the server's messages. Sends may come from any thread; a send that fails
 * (the client went away) marks the connection closed instead of throwing.
 */
final class Connection {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final AppServerTransport transport;
    private volatile boolean initialized;
    private volatile Set<String> optedOut = Set.of();
    private volatile boolean closed;

    Connection(AppServerTransport transport) {
        this.transport = transport;
    }

    /** Starts the reader; {@code processor} sees every message, then {@link MessageProcessor#disconnected}. */
    void start(MessageProcessor processor) {
        Thread.ofVirtual().name("app-server-connection-" + id).start(() -> read(processor));
    }

    private void read(MessageProcessor processor) {
        try {
            JsonRpcMessage message;
            while ((message = transport.receive()) != null) {
                processor.received(this, message);
            }
        } catch (IOException | AppServerProtocolException e) {
            LOG.log(Level.WARNING, "app-server connection {0} failed while reading: {1}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            processor.disconnected(this);
        }
    }

    /** Sends {@code message}; false when the connection is (now) closed. */
    boolean send(JsonRpcMessage message) {
        if (closed) {
            return false;
        }
        try {
            transport.send(message);
            return true;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "app-server connection {0} closed while sending: {1}", id, e.getMessage());
            closed = true;
            return false;
        }
    }

    /** Sends {@code notification} unless the client opted out of its method. */
    void notify(ServerNotification notification) {
        if (!optedOut.contains(notification.method())) {
            send(notification.toMessage());
        }
    }

    boolean initialized() {
        return initialized;
    }

    /** Records a successful {@code initialize} and the methods the client does not want. */
    void markInitialized(List<String> optOutNotificationMethods) {
        optedOut = optOutNotificationMethods == null ? Set.of() : Set.copyOf(optOutNotificationMethods);
        initialized = true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the transport; the reader then ends and reports {@link MessageProcessor#disconnected}. */
    void close() {
        closed = true;
        transport.close();
    }

    @Override
    public String toString() {
        return "connection-" + id;
    }
}
