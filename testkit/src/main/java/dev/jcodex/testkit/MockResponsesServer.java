package dev.jcodex.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scripted mock of the OpenAI Responses API (and Chat Completions) on the JDK {@link HttpServer}, bound to
 * {@code 127.0.0.1} on a free port.
 *
 * <p>Every {@code POST …/responses} or {@code POST …/chat/completions} takes the next {@link MockResponse} from
 * the script ({@link #enqueue}); once the script is exhausted the {@link #defaultResponse default} answers.
 * {@code GET …/models} returns a one-model list; anything else gets a JSON 404. Every request is captured
 * ({@link #requests()}, {@link #awaitRequests}).
 *
 * <pre>{@code
 * try (MockResponsesServer mock = MockResponsesServer.start()) {
 *     mock.enqueue(MockResponse.httpError(500), MockResponse.sse().message("Hello", 3).build());
 *     // point the client at mock.baseUrl() ("http://127.0.0.1:<port>/v1")
 *     List<CapturedRequest> reqs = mock.awaitRequests(2, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class MockResponsesServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MockResponsesServer.class.getName());

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Deque<MockResponse> script = new ArrayDeque<>();
    private final List<CapturedRequest> captured = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private MockResponse fallback = MockResponse.reply("(mock: script exhausted)");
    private int modelRequests;

    private MockResponsesServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on {@code 127.0.0.1} and an ephemeral port. */
    public static MockResponsesServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            MockResponsesServer mock = new MockResponsesServer(http);
            http.setExecutor(mock.executor);
            http.createContext("/", mock::handle);
            http.start();
            return mock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mock server", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL a provider should use: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** An absolute URI on this server for {@code path} (which starts with {@code /}). */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Appends answers to the script, in order. */
    public MockResponsesServer enqueue(MockResponse... responses) {
        lock.lock();
        try {
            for (MockResponse r : responses) {
                script.addLast(Objects.requireNonNull(r));
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** The answer used once the script is exhausted (default: a plain "(mock: script exhausted)" reply). */
    public MockResponsesServer defaultResponse(MockResponse response) {
        lock.lock();
        try {
            fallback = Objects.requireNonNull(response);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Scripted answers not yet used. */
    public int pendingResponses() {
        lock.lock();
        try {
            return script.size();
        } finally {
            lock.unlock();
        }
    }

    /** All requests received so far, in arrival order. */
    public List<CapturedRequest> requests() {
        lock.lock();
        try {
            return List.copyOf(captured);
        } finally {
            lock.unlock();
        }
    }

    /** The model requests ({@code POST …/responses}, {@code …/chat/completions}) received so far. */
    public List<CapturedRequest> modelRequests() {
        return requests().stream().filter(CapturedRequest::isModelRequest).toList();
    }

    /**
     * Waits until at least {@code n} requests have arrived and returns the first {@code n}.
     *
     * @throws AssertionError when they do not arrive within {@code timeout}
     */
    public List<CapturedRequest> awaitRequests(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (captured.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " requests within " + timeout + ", got "
                            + captured.size() + ": " + captured);
                }
                arrived.awaitNanos(left);
            }
            return List.copyOf(captured.subList(0, n));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for requests", e);
        } finally {
            lock.unlock();
        }
    }

    /** Releases stalled streams, drops open connections and stops the server. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        try {
            CapturedRequest request = capture(exchange);
            String path = request.path();
            if (request.isModelRequest()) {
                serveModel(exchange, request, path.endsWith("/chat/completions"));
            } else if ("GET".equals(request.method()) && path.endsWith("/models")) {
                sendJson(exchange, 200, Map.of(), "{\"object\":\"list\",\"data\":[{\"id\":\"mock-model\","
                        + "\"object\":\"model\",\"created\":0,\"owned_by\":\"mock\"}]}");
            } else {
                sendJson(exchange, 404, Map.of(), "{\"error\":{\"message\":\"not found: " + path + "\"}}");
            }
        } catch (DroppedConnection e) {
            dropped = true; // closing the exchange would write the final chunk; let the server drop the socket
            throw e;
        } finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private CapturedRequest capture(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        Instant now = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        URI uri = exchange.getRequestURI();
        lock.lock();
        try {
            CapturedRequest request = new CapturedRequest(captured.size() + 1, exchange.getRequestMethod(),
                    uri.getPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body, now, nanos);
            captured.add(request);
            arrived.signalAll();
            return request;
        } finally {
            lock.unlock();
        }
    }

    private void serveModel(HttpExchange exchange, CapturedRequest request, boolean chat) throws IOException {
        MockResponse answer;
        int index;
        lock.lock();
        try {
            index = ++modelRequests;
            answer = script.isEmpty() ? fallback : script.pollFirst();
        } finally {
            lock.unlock();
        }
        switch (answer) {
            case MockResponse.HttpError e -> {
                pause(e.delayBeforeHeaders());
                sendJson(exchange, e.status(), e.headers(), e.jsonBody());
            }
            case MockResponse.Stream s -> stream(exchange, request, s, chat, index);
        }
    }

    private void stream(HttpExchange exchange, CapturedRequest request, MockResponse.Stream s, boolean chat,
                        int index) throws IOException {
        String responseId = s.responseId() != null ? s.responseId() : "resp_" + index;
        List<Wire> wire = chat ? ChatRenderer.render(s, responseId) : ResponsesRenderer.render(s, responseId);
        pause(s.delayBeforeHeaders());
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "text/event-stream");
        headers.add("Cache-Control", "no-cache");
        headers.add("x-request-id", "mockreq_" + request.sequence());
        s.headers().forEach(headers::add);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int sent = 0;
        for (Wire w : wire) {
            switch (w) {
                case Wire.Frame f -> {
                    if (s.disconnectAfter() >= 0 && sent >= s.disconnectAfter()) {
                        drop(out);
                    }
                    if (sent > 0 && !s.eventDelay().isZero()) {
                        pause(s.eventDelay());
                    }
                    out.write(f.bytes());
                    out.flush();
                    sent++;
                }
                case Wire.Pause p -> pause(p.duration());
                case Wire.Drop d -> drop(out);
                case Wire.Hang h -> {
                    awaitClose();
                    drop(out);
                }
            }
        }
        out.close();
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Aborts the exchange: the JDK server closes the socket when a handler throws, without the final chunk. */
    private static void drop(OutputStream out) throws IOException {
        out.flush();
        throw new DroppedConnection();
    }

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DroppedConnection();
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Map<String, String> extra, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        extra.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        LOG.log(System.Logger.Level.DEBUG, "mock answered {0} with {1}", exchange.getRequestURI(), status);
    }

    /** Thrown inside a handler to make the server close the connection abruptly. */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("mock dropped the connection", null, false, false);
        }
    }
}
