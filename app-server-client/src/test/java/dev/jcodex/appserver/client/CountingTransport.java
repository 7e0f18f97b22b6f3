package dev.jcodex.appserver.client;

import dev.jcodex.appserver.protocol.JsonRpcMessage;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wraps the client end of a pair and counts messages handed to the reader. */
final class CountingTransport implements AppServerTransport {
    private final InMemoryTransport.Pair pair;
    private final AtomicInteger received = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    CountingTransport(InMemoryTransport.Pair pair) {
        this.pair = pair;
    }

    InMemoryTransport server() {
        return pair.server();
    }

    int received() {
        return received.get();
    }

    void awaitReceived(int count) throws InterruptedException {
        lock.lock();
        try {
            while (received.get() < count) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void send(JsonRpcMessage message) throws IOException {
        pair.client().send(message);
    }

    @Override
    public JsonRpcMessage receive() throws InterruptedException {
        JsonRpcMessage m = pair.client().receive();
        lock.lock();
        try {
            received.incrementAndGet();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return m;
    }

    @Override
    public void close() {
        pair.client().close();
    }
}
