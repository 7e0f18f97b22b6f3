package dev.jcodex.modelclient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one model request on a virtual thread: credentials, transport retries (5xx and network errors, not 429;
 * {@code retry-after} honoured; one credential recovery after 401), then streams the SSE body through a
 * {@link SseParser} and a {@link StreamDecoder} into the {@link ResponseStream}.
 */
final class ExchangeDriver {
    private static final System.Logger LOG = System.getLogger(ExchangeDriver.class.getName());
    /** Waiting for response headers is bounded by the idle timeout, but never below this. */
    private static final Duration MIN_HEADERS_TIMEOUT = Duration.ofSeconds(60);

    /** What to send. */
    record Plan(URI url, String body, RequestContext context, Supplier<StreamDecoder> decoders) {}

    private final HttpClient http;
    private final ResolvedProvider provider;
    private final Plan plan;
    private final ResponseStream stream;
    private final Duration backoffBase;
    private final Duration headersTimeout;
    private volatile CompletableFuture<?> inFlight;
    private volatile Flow.Subscription subscription;
    private volatile Thread thread;

    ExchangeDriver(HttpClient http, ResolvedProvider provider, Plan plan, ResponseStream stream,
                   Duration backoffBase) {
        this.http = http;
        this.provider = provider;
        this.plan = plan;
        this.stream = stream;
        this.backoffBase = backoffBase;
        Duration idle = Duration.ofMillis(provider.info().streamIdleTimeoutMsOrDefault());
        this.headersTimeout = idle.compareTo(MIN_HEADERS_TIMEOUT) < 0 ? MIN_HEADERS_TIMEOUT : idle;
    }

    void start() {
        thread = Thread.ofVirtual().name("model-request-" + plan.context().threadId()).unstarted(this::run);
        stream.onAbort(this::abort);
        thread.start();
    }

    private void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        CompletableFuture<?> f = inFlight;
        if (f != null) {
            f.cancel(true);
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    private void run() {
        LOG.log(System.Logger.Level.DEBUG, "model request to {0} (thread {1}, turn {2})", plan.url(),
                plan.context().threadId(), plan.context().turnId());
        int maxRetries = provider.info().requestMaxRetriesOrDefault();
        int attempt = 0;
        boolean recoveredAuth = false;
        while (!stream.isClosed()) {
            Credentials credentials;
            try {
                credentials = provider.credentials().current();
            } catch (ModelClientException e) {
                stream.fail(e);
                return;
            }
            BodyPump pump = new BodyPump(plan.decoders().get());
            CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request(credentials), info -> {
                if (info.statusCode() / 100 == 2) {
                    pump.started.set(true);
                    headerEvents(info.headers());
                    stream.bodyStarted();
                    return HttpResponse.BodySubscribers.fromSubscriber(pump, p -> new byte[0]);
                }
                return HttpResponse.BodySubscribers.ofByteArray();
            });
            inFlight = future;
            if (stream.isClosed()) {
                future.cancel(true);
                return;
            }
            try {
                HttpResponse<byte[]> response = future.get();
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return; // the pump delivered the outcome
                }
                ModelClientException error = HttpErrors.map(status, response.headers(), response.body(), plan.url());
                LOG.log(System.Logger.Level.DEBUG, "model request failed (attempt {0}): {1}", attempt + 1,
                        error.getMessage());
                if (status == 401 && !recoveredAuth && provider.credentials().recoverFromUnauthorized()) {
                    recoveredAuth = true;
                    continue;
                }
                if (HttpErrors.transportRetryable(status) && attempt < maxRetries) {
                    attempt++;
                    Duration wait = HttpErrors.retryAfter(response.headers());
                    sleep(wait != null ? wait : StreamRetryPolicy.backoff(backoffBase, attempt));
                    continue;
                }
                stream.fail(error);
                return;
            } catch (ExecutionException e) {
                if (pump.started.get()) {
                    return; // mid-body failure: the pump reported it
                }
                Throwable cause = e.getCause();
                LOG.log(System.Logger.Level.DEBUG, "model request error (attempt {0}): {1}", attempt + 1, cause);
                if (attempt < maxRetries && !stream.isClosed()) {
                    attempt++;
                    sleep(StreamRetryPolicy.backoff(backoffBase, attempt));
                    continue;
                }
                stream.fail(new ModelClientException.ConnectionFailed(
                        "error sending request for url (" + plan.url() + "): " + describe(cause), cause));
                return;
            } catch (CancellationException e) {
                return;
            } catch (InterruptedException e) {
                future.cancel(true);
                return;
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest request(Credentials credentials) {
        HttpRequest.Builder b = HttpRequest.newBuilder(plan.url()).timeout(headersTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(plan.body()));
        RequestHeaders.build(provider, credentials, plan.context()).forEach(b::setHeader);
        return b.build();
    }

    private void headerEvents(HttpHeaders headers) {
        for (RateLimitSnapshot s : RateLimitSnapshot.fromHeaders(headers)) {
            stream.push(new ResponseEvent.RateLimits(s));
        }
        headers.firstValue("openai-model").ifPresent(m -> stream.push(new ResponseEvent.ServerModel(m)));
        headers.firstValue("x-models-etag").ifPresent(e -> stream.push(new ResponseEvent.ModelsEtag(e)));
        headers.firstValue("x-codex-turn-state").ifPresent(t -> stream.push(new ResponseEvent.TurnState(t)));
    }

    /**
     * A body that breaks off mid-stream is worded as the reference words it ("Transport error: network error:
     * error decoding response body"), so clients that match on the text behave the same; the JDK's own message
     * goes to the log.
     */
    static String describeBodyFailure(Throwable t) {
        if (t instanceof java.io.IOException && !(t instanceof HttpTimeoutException)) {
            System.getLogger(ExchangeDriver.class.getName()).log(System.Logger.Level.DEBUG,
                    "response body failed: {0}", describe(t));
            return "Transport error: network error: error decoding response body";
        }
        return describe(t);
    }

    static String describe(Throwable t) {
        if (t instanceof HttpTimeoutException) {
            return "timed out waiting for the response";
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + message;
    }

    /** Feeds body bytes to the parser and decoder; reports the outcome to the stream exactly once. */
    private final class BodyPump implements Flow.Subscriber<List<ByteBuffer>>, StreamDecoder.EventSink {
        final AtomicBoolean started = new AtomicBoolean();
        private final StreamDecoder decoder;
        private final SseParser parser;
        private boolean terminated;

        BodyPump(StreamDecoder decoder) {
            this.decoder = decoder;
            this.parser = new SseParser(event -> {
                if (!terminated) {
                    decoder.onEvent(event, this);
                }
            });
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (stream.isClosed()) {
                s.cancel();
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            stream.touch();
            for (ByteBuffer b : buffers) {
                if (terminated) {
                    return;
                }
                parser.feed(b);
            }
            if (!terminated) {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable t) {
            if (!terminated) {
                fail(new ModelClientException.StreamFailed("stream disconnected before completion: "
                        + describeBodyFailure(t), null, t));
            }
        }

        @Override
        public void onComplete() {
            parser.finish();
            if (!terminated) {
                decoder.onEnd(this);
            }
            if (!terminated) {
                terminated = true;
                stream.end();
            }
        }

        @Override
        public void emit(ResponseEvent event) {
            if (!terminated) {
                stream.push(event);
            }
        }

        @Override
        public void fail(ModelClientException error) {
            if (terminated) {
                return;
            }
            terminated = true;
            if (stream.isClosed()) {
                return; // the caller aborted: it already has its Interrupted
            }
            stream.fail(error);
            abort();
        }
    }
}
