package dev.jcodex.modelclient;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The events of one model request, pulled with a blocking {@link #next()} (or pushed to a listener with
 * {@link #forEachRemaining}). The request runs on a virtual thread: transport retries, headers, the SSE body.
 * {@link #close()} aborts the HTTP exchange at once (used for interrupts); a blocked {@link #next()} then throws
 * {@link ModelClientException.Interrupted}.
 *
 * <p>Errors surface from {@link #next()} as {@link ModelClientException}s; after the last event
 * ({@link ResponseEvent.Completed}) {@code next()} returns {@code null}. No SSE activity for the provider's
 * {@code stream_idle_timeout_ms} once the body started fails with "idle timeout waiting for SSE".
 */
public final class ResponseStream implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ResponseStream.class.getName());

    sealed interface Signal {
        record Event(ResponseEvent event) implements Signal {}

        record Failure(ModelClientException error) implements Signal {}

        record BodyStarted() implements Signal {}

        record End() implements Signal {}
    }

    private final BlockingQueue<Signal> queue = new LinkedBlockingQueue<>();
    private final long idleTimeoutNanos;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean closed;
    private volatile Runnable abort = () -> {};
    private boolean bodyStarted;
    private boolean ended;
    private ModelClientException terminalError;

    ResponseStream(Duration idleTimeout) {
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    /**
     * The next event, blocking until it arrives; {@code null} after the final {@link ResponseEvent.Completed}.
     *
     * @throws ModelClientException on any failure (also on every later call)
     */
    public ResponseEvent next() {
        if (terminalError != null) {
            throw terminalError;
        }
        if (ended) {
            return null;
        }
        while (true) {
            if (closed && queue.isEmpty()) {
                return terminate(new ModelClientException.Interrupted());
            }
            Signal signal;
            try {
                signal = bodyStarted ? pollWithIdleTimeout() : queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                return terminate(new ModelClientException.Interrupted());
            }
            if (signal == null) {
                close();
                return terminate(new ModelClientException.StreamFailed("idle timeout waiting for SSE", null, null));
            }
            switch (signal) {
                case Signal.Event e -> {
                    return e.event();
                }
                case Signal.Failure f -> {
                    return terminate(f.error());
                }
                case Signal.BodyStarted b -> bodyStarted = true;
                case Signal.End end -> {
                    ended = true;
                    return null;
                }
            }
        }
    }

    /** Delivers every remaining event to {@code listener} on the calling thread; failures are thrown. */
    public void forEachRemaining(Consumer<? super ResponseEvent> listener) {
        for (ResponseEvent e = next(); e != null; e = next()) {
            listener.accept(e);
        }
    }

    /** Aborts the exchange (if still running) and releases a blocked {@link #next()}. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.offer(new Signal.Failure(new ModelClientException.Interrupted()));
        try {
            abort.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "abort failed: {0}", e.toString());
        }
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    private Signal pollWithIdleTimeout() throws InterruptedException {
        while (true) {
            Signal s = queue.poll();
            if (s != null) {
                return s;
            }
            long waited = System.nanoTime() - lastActivityNanos;
            long left = idleTimeoutNanos - waited;
            if (left <= 0) {
                return null;
            }
            s = queue.poll(left, TimeUnit.NANOSECONDS);
            if (s != null) {
                return s;
            }
        }
    }

    private ResponseEvent terminate(ModelClientException error) {
        terminalError = error;
        throw error;
    }

    // ---- producer side (exchange driver and body subscriber) ----

    void onAbort(Runnable action) {
        this.abort = action;
        if (closed) {
            action.run();
        }
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    void bodyStarted() {
        touch();
        queue.offer(new Signal.BodyStarted());
    }

    void push(ResponseEvent event) {
        queue.offer(new Signal.Event(event));
    }

    void fail(ModelClientException error) {
        queue.offer(new Signal.Failure(error));
    }

    void end() {
        queue.offer(new Signal.End());
    }
}
