package dev.jcodex.appserver.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A FIFO between the reader thread and the consumer. {@link #put} blocks while the buffer holds
 * {@code capacity} items (backpressure), unless {@code mayOverflow} says a caller is waiting for a response that
 * may sit behind these events; then it grows past the capacity so that response can get through.
 */
final class EventBuffer<T> {
    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private boolean ended;

    EventBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends {@code item}, waiting while full and {@code mayOverflow} is false. */
    void put(T item, BooleanSupplier mayOverflow) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.size() >= capacity && !mayOverflow.getAsBoolean()) {
                notFull.await();
            }
            items.addLast(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes a waiting {@link #put} so it re-checks its overflow condition. */
    void wakeWriters() {
        lock.lock();
        try {
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end of the stream: once drained, {@link #poll} reports {@link Polled#END}. */
    void end() {
        lock.lock();
        try {
            ended = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest item, waiting up to {@code timeout}. */
    Polled<T> poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                if (ended) {
                    return Polled.end();
                }
                if (nanos <= 0) {
                    return Polled.timeout();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            T item = items.removeFirst();
            notFull.signal();
            return new Polled<>(item, false);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest item, waiting as long as needed. */
    Polled<T> take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty()) {
                if (ended) {
                    return Polled.end();
                }
                notEmpty.await(1, TimeUnit.HOURS);
            }
            T item = items.removeFirst();
            notFull.signal();
            return new Polled<>(item, false);
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** An item, a timeout ({@code item == null}, not ended) or the end of the stream. */
    record Polled<T>(T item, boolean ended) {
        static final Polled<?> END = new Polled<>(null, true);
        static final Polled<?> TIMEOUT = new Polled<>(null, false);

        @SuppressWarnings("unchecked")
        static <T> Polled<T> end() {
            return (Polled<T>) END;
        }

        @SuppressWarnings("unchecked")
        static <T> Polled<T> timeout() {
            return (Polled<T>) TIMEOUT;
        }
    }
}
