package dev.jcodex.appserver.client;

import dev.jcodex.appserver.protocol.JsonRpcMessage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * One end of an in-memory, in-order message channel; {@link #pair} makes two connected ends. Messages are passed
 * as objects (no JSON text). Each end holds at most {@code capacity} unread messages: {@link #send} blocks while
 * the peer's inbox is full, which carries the client's backpressure through to the sender.
 *
 * <p>Useful as the in-process transport (the server side reads with {@link #receive} and answers with
 * {@link #send}) and for tests. {@link #close} on either end ends the stream for both.
 */
public final class InMemoryTransport implements AppServerTransport {
    /** Default capacity of each inbox. */
    public static final int DEFAULT_CAPACITY = 256;

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Semaphore space;
    private InMemoryTransport peer;
    private volatile boolean closed;

    /** The two connected ends: give {@code client} to an {@link AppServerClient}, serve on {@code server}. */
    public record Pair(InMemoryTransport client, InMemoryTransport server) {}

    private InMemoryTransport(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.space = new Semaphore(capacity);
    }

    /** Two connected ends with inboxes of {@link #DEFAULT_CAPACITY}. */
    public static Pair pair() {
        return pair(DEFAULT_CAPACITY);
    }

    /** Two connected ends with inboxes of {@code capacity} messages. */
    public static Pair pair(int capacity) {
        InMemoryTransport a = new InMemoryTransport(capacity);
        InMemoryTransport b = new InMemoryTransport(capacity);
        a.peer = b;
        b.peer = a;
        return new Pair(a, b);
    }

    @Override
    public void send(JsonRpcMessage message) throws IOException {
        if (closed || peer.closed) {
            throw new IOException("in-memory transport is closed");
        }
        try {
            peer.space.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending " + message.getClass().getSimpleName());
        }
        if (closed || peer.closed) {
            throw new IOException("in-memory transport is closed");
        }
        peer.inbox.add(message);
    }

    @Override
    public JsonRpcMessage receive() throws InterruptedException {
        Object next = inbox.take();
        if (next == END) {
            inbox.add(END);
            return null;
        }
        space.release();
        return (JsonRpcMessage) next;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        endOf(this);
        endOf(peer);
    }

    private static void endOf(InMemoryTransport end) {
        end.closed = true;
        end.inbox.add(END);
        end.space.release(Integer.MAX_VALUE / 2);
    }
}
