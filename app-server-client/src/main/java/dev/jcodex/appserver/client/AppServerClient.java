package dev.jcodex.appserver.client;

import dev.jcodex.appserver.protocol.AppServerProtocolException;
import dev.jcodex.appserver.protocol.ClientInfo;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.InitializeParams;
import dev.jcodex.appserver.protocol.InitializeResponse;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.RequestId;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadListParams;
import dev.jcodex.appserver.protocol.ThreadListResponse;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.ThreadReadResponse;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.appserver.protocol.ThreadResumeResponse;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeParams;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeResponse;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnInterruptResponse;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.appserver.protocol.TurnStartResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection to an app-server over an {@link AppServerTransport}: typed requests that block until their
 * response, and a stream of {@link ServerEvent}s (notifications and server requests) read by a background virtual
 * thread into a bounded queue.
 *
 * <p>Backpressure: when the consumer of {@link #next} lags and the queue is full, the reader stops reading, so the
 * server's sends block. While a request is waiting for its response the reader keeps reading past the capacity,
 * so a response queued behind notifications still arrives.
 *
 * <p>Thread-safe: requests may be sent from any thread (for example an interrupt handler) while another thread
 * consumes events.
 */
public final class AppServerClient implements AutoCloseable {
    /** Default capacity of the event queue. */
    public static final int DEFAULT_EVENT_QUEUE_CAPACITY = 1024;

    private static final System.Logger LOG = System.getLogger(AppServerClient.class.getName());

    private final AppServerTransport transport;
    private final EventBuffer<ServerEvent> events;
    private final Map<RequestId, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Thread reader;
    private volatile boolean closed;
    private volatile Throwable failure;

    private record Pending(String method, CompletableFuture<JsonRpcMessage> reply) {}

    private AppServerClient(AppServerTransport transport, int capacity) {
        this.transport = transport;
        this.events = new EventBuffer<>(capacity);
        this.reader = Thread.ofVirtual().name("app-server-client-reader").unstarted(this::readLoop);
    }

    /** Connects over {@code transport} with the default queue capacity and starts the reader. */
    public static AppServerClient start(AppServerTransport transport) {
        return start(transport, DEFAULT_EVENT_QUEUE_CAPACITY);
    }

    /** Connects over {@code transport} with an event queue of {@code eventQueueCapacity} and starts the reader. */
    public static AppServerClient start(AppServerTransport transport, int eventQueueCapacity) {
        AppServerClient client = new AppServerClient(transport, eventQueueCapacity);
        client.reader.start();
        return client;
    }

    /** Sends {@code initialize} with {@code clientInfo} (default capabilities), then the {@code initialized} notification. */
    public InitializeResponse initialize(ClientInfo clientInfo) {
        return initialize(new InitializeParams(clientInfo, null));
    }

    /** Sends {@code initialize}, then the {@code initialized} notification. */
    public InitializeResponse initialize(InitializeParams params) {
        InitializeResponse response = request(Methods.INITIALIZE, params, InitializeResponse.class);
        notify(Methods.INITIALIZED, null);
        return response;
    }

    /** {@code thread/start}. */
    public ThreadStartResponse threadStart(ThreadStartParams params) {
        return request(Methods.THREAD_START, params, ThreadStartResponse.class);
    }

    /** {@code thread/resume}. */
    public ThreadResumeResponse threadResume(ThreadResumeParams params) {
        return request(Methods.THREAD_RESUME, params, ThreadResumeResponse.class);
    }

    /** {@code thread/list}. */
    public ThreadListResponse threadList(ThreadListParams params) {
        return request(Methods.THREAD_LIST, params, ThreadListResponse.class);
    }

    /** {@code thread/read}. */
    public ThreadReadResponse threadRead(ThreadReadParams params) {
        return request(Methods.THREAD_READ, params, ThreadReadResponse.class);
    }

    /** {@code thread/unsubscribe}. */
    public ThreadUnsubscribeResponse threadUnsubscribe(ThreadUnsubscribeParams params) {
        return request(Methods.THREAD_UNSUBSCRIBE, params, ThreadUnsubscribeResponse.class);
    }

    /** {@code turn/start}. */
    public TurnStartResponse turnStart(TurnStartParams params) {
        return request(Methods.TURN_START, params, TurnStartResponse.class);
    }

    /** {@code turn/interrupt}. */
    public TurnInterruptResponse turnInterrupt(TurnInterruptParams params) {
        return request(Methods.TURN_INTERRUPT, params, TurnInterruptResponse.class);
    }

    /**
     * Sends a request with the next id and blocks until its response.
     *
     * @param params any record (converted to JSON), a {@code JsonNode}, or null for none
     * @throws AppServerRequestException when the server answers with a JSON-RPC error
     * @throws AppServerClosedException when the connection ends first
     * @throws AppServerProtocolException when the result does not have {@code resultType}'s shape
     * @throws AppServerClientException when sending fails or the caller is interrupted (interrupt flag kept)
     */
    public <R> R request(String method, Object params, Class<R> resultType) {
        RequestId id = RequestId.of(nextId.getAndIncrement());
        Pending waiting = new Pending(method, new CompletableFuture<>());
        pending.put(id, waiting);
        events.wakeWriters();
        try {
            if (closed) {
                throw closedException();
            }
            send(JsonRpcMessage.request(id, method, params));
            JsonRpcMessage reply = waiting.reply().get();
            return switch (reply) {
                case JsonRpcMessage.Response r -> r.resultAs(resultType);
                case JsonRpcMessage.Error e -> throw new AppServerRequestException(method, e.error());
                case JsonRpcMessage.Request r -> throw new IllegalStateException("request routed as a reply");
                case JsonRpcMessage.Notification n -> throw new IllegalStateException("notification routed as a reply");
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppServerClientException("interrupted while waiting for the " + method + " response", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AppServerClientException c) {
                throw c;
            }
            throw new AppServerClientException(method + " failed", e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    /** Sends a notification (no response). */
    public void notify(String method, Object params) {
        send(JsonRpcMessage.notification(method, params));
    }

    /** Answers the server request {@code id} with {@code result} (any record, a {@code JsonNode}, or null). */
    public void respond(RequestId id, Object result) {
        send(JsonRpcMessage.response(id, result));
    }

    /** Answers the server request {@code id} with a JSON-RPC error. */
    public void respondError(RequestId id, int code, String message) {
        send(JsonRpcMessage.error(id, code, message));
    }

    /**
     * Waits up to {@code timeout} for the next notification or server request.
     *
     * @return the event, or empty when none arrived in time
     * @throws AppServerClosedException once the connection has ended and every earlier event was taken
     */
    public Optional<ServerEvent> next(Duration timeout) throws InterruptedException {
        EventBuffer.Polled<ServerEvent> polled = events.poll(timeout);
        if (polled.ended()) {
            throw closedException();
        }
        return Optional.ofNullable(polled.item());
    }

    /**
     * Waits for the next notification or server request.
     *
     * @throws AppServerClosedException once the connection has ended and every earlier event was taken
     */
    public ServerEvent next() throws InterruptedException {
        EventBuffer.Polled<ServerEvent> polled;
        do {
            polled = events.take();
        } while (!polled.ended() && polled.item() == null);
        if (polled.ended()) {
            throw closedException();
        }
        return polled.item();
    }

    /** Whether the connection has ended (events already queued can still be taken). */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the transport, fails waiting requests and stops the reader. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            transport.close();
            reader.interrupt();
            failPending();
            events.end();
        }
    }

    private void send(JsonRpcMessage message) {
        if (closed) {
            throw closedException();
        }
        sendLock.lock();
        try {
            transport.send(message);
        } catch (IOException e) {
            throw new AppServerClientException("failed to send " + describe(message) + ": " + e.getMessage(), e);
        } finally {
            sendLock.unlock();
        }
    }

    private void readLoop() {
        try {
            JsonRpcMessage message;
            while ((message = transport.receive()) != null) {
                dispatch(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                failure = e;
                LOG.log(Level.WARNING, "app-server connection failed", e);
            }
        } finally {
            closed = true;
            failPending();
            events.end();
        }
    }

    private void dispatch(JsonRpcMessage message) throws InterruptedException {
        switch (message) {
            case JsonRpcMessage.Response r -> complete(r.id(), r);
            case JsonRpcMessage.Error e -> {
                if (e.id() == null) {
                    LOG.log(Level.WARNING, "app-server error without a request id: {0}", e.error().message());
                } else {
                    complete(e.id(), e);
                }
            }
            case JsonRpcMessage.Notification n -> events.put(new ServerEvent.Notification(decode(n)), this::awaitingReply);
            case JsonRpcMessage.Request r -> {
                ServerRequest request;
                try {
                    request = ServerRequest.decode(r);
                } catch (AppServerProtocolException ex) {
                    LOG.log(Level.WARNING, "rejecting malformed server request {0}: {1}", r.method(), ex.getMessage());
                    respondError(r.id(), ErrorCodes.INVALID_PARAMS, ex.getMessage());
                    return;
                }
                events.put(new ServerEvent.Request(request), this::awaitingReply);
            }
        }
    }

    private static ServerNotification decode(JsonRpcMessage.Notification n) {
        try {
            return ServerNotification.decode(n);
        } catch (AppServerProtocolException e) {
            LOG.log(Level.WARNING, "passing on malformed notification {0} raw: {1}", n.method(), e.getMessage());
            return new ServerNotification.Unknown(n.method(), n.params());
        }
    }

    private boolean awaitingReply() {
        return !pending.isEmpty();
    }

    private void complete(RequestId id, JsonRpcMessage reply) {
        Pending waiting = pending.get(id);
        if (waiting == null) {
            LOG.log(Level.WARNING, "app-server answered unknown request id {0}", id);
            return;
        }
        waiting.reply().complete(reply);
    }

    private void failPending() {
        for (Pending p : pending.values()) {
            p.reply().completeExceptionally(closedException());
        }
    }

    private AppServerClosedException closedException() {
        Throwable cause = failure;
        return new AppServerClosedException(cause == null
                ? "app-server connection closed"
                : "app-server connection failed: " + cause.getMessage(), cause);
    }

    private static String describe(JsonRpcMessage message) {
        return switch (message) {
            case JsonRpcMessage.Request r -> r.method() + " request";
            case JsonRpcMessage.Notification n -> n.method() + " notification";
            case JsonRpcMessage.Response r -> "response " + r.id();
            case JsonRpcMessage.Error e -> "error response " + e.id();
        };
    }
}
