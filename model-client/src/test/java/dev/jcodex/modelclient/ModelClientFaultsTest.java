package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jcodex.config.WireApi;
import dev.jcodex.testkit.MockResponse;
import dev.jcodex.testkit.MockResponsesServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retry and failure behaviour of one model request, against the testkit mock (spec §3.5, §3.6, captures e*). */
class ModelClientFaultsTest {
    private final MockResponsesServer mock = MockResponsesServer.start();

    @AfterEach
    void stop() {
        mock.close();
    }

    private ModelClientException fail(ModelClient client) {
        return catchThrowableOfType(ModelClientException.class,
                () -> TestSupport.drain(client.stream(TestSupport.request(client), TestSupport.context())));
    }

    @Test
    void a500IsRetriedSilentlyByTheTransport() {
        mock.enqueue(MockResponse.httpError(500), MockResponse.reply("Hello after a retry."));
        ModelClient client = TestSupport.client(mock.baseUrl());

        List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));

        assertThat(events.getLast()).isInstanceOf(ResponseEvent.Completed.class);
        assertThat(mock.requests()).hasSize(2);
    }

    @Test
    void persistent500sExhaustTheTransportBudgetThenFailRetryably() {
        mock.defaultResponse(MockResponse.httpError(500));
        ModelClient client = TestSupport.client(mock.baseUrl(), WireApi.RESPONSES, 4, 10_000);

        ModelClientException error = fail(client);

        assertThat(error).isInstanceOf(ModelClientException.InternalServerError.class);
        assertThat(error.getMessage())
                .isEqualTo("We\u2019re currently experiencing high demand, which may cause temporary errors.");
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.retryDelay()).isEmpty();
        assertThat(mock.requests()).hasSize(5);
    }

    @Test
    void turnLevelRetriesMultiplyTransportAttemptsLikeCaptureE4() {
        mock.defaultResponse(MockResponse.httpError(500));
        ModelClient client = TestSupport.client(mock.baseUrl(), WireApi.RESPONSES, 1, 10_000);
        StreamRetryPolicy policy = new StreamRetryPolicy(2, Duration.ofMillis(1));
        List<String> notices = new java.util.ArrayList<>();

        ModelClientException last = null;
        for (int retries = 0; ; ) {
            ModelClientException error = fail(client);
            if (!policy.shouldRetry(retries + 1, error)) {
                last = error;
                break;
            }
            retries++;
            notices.add("Reconnecting... " + retries + "/" + policy.maxRetries() + " (" + error.getMessage() + ")");
        }

        assertThat(last).isInstanceOf(ModelClientException.InternalServerError.class);
        assertThat(mock.requests()).hasSize(6);
        assertThat(notices).containsExactly(
                "Reconnecting... 1/2 (We\u2019re currently experiencing high demand, which may cause temporary errors.)",
                "Reconnecting... 2/2 (We\u2019re currently experiencing high demand, which may cause temporary errors.)");
    }

    @Test
    void a429IsNotRetriedByTheTransportAndCarriesRetryAfter() {
        mock.enqueue(MockResponse.httpError(429).withHeader("retry-after", "1"),
                MockResponse.reply("Hello after rate limit."));
        ModelClient client = TestSupport.client(mock.baseUrl());

        ModelClientException error = fail(client);

        assertThat(error).isInstanceOf(ModelClientException.RetryLimit.class);
        assertThat(error.getMessage()).isEqualTo("exceeded retry limit, last status: 429 Too Many Requests");
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.retryDelay()).hasValue(Duration.ofSeconds(1));
        assertThat(client.streamRetryPolicy().delayFor(1, error)).isEqualTo(Duration.ofSeconds(1));
        assertThat(mock.requests()).hasSize(1);
    }

    @Test
    void retryAfterIsHonouredOnTransportRetries() {
        mock.enqueue(MockResponse.httpError(503).withHeader("retry-after", "0"), MockResponse.reply("ok"));
        ModelClient client = new ModelClient(TestSupport.resolved(TestSupport.provider(mock.baseUrl(),
                WireApi.RESPONSES, 4, 10_000)), ModelCatalog.bundled().find("gpt-5.5"), TestSupport.HTTP,
                Duration.ofHours(1));

        List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));

        assertThat(events.getLast()).isInstanceOf(ResponseEvent.Completed.class);
        assertThat(mock.requests()).hasSize(2);
    }

    @Test
    void aDroppedStreamFailsRetryablyAsDisconnected() {
        mock.enqueue(MockResponse.sse().message("partial", 2).disconnectAfter(3).build());
        ModelClient client = TestSupport.client(mock.baseUrl());
        ResponseStream stream = client.stream(TestSupport.request(client), TestSupport.context());

        assertThat(stream.next()).isEqualTo(new ResponseEvent.Created());
        ModelClientException error = catchThrowableOfType(ModelClientException.class, () -> TestSupport.drain(stream));

        assertThat(error).isInstanceOf(ModelClientException.StreamFailed.class);
        assertThat(error.getMessage()).startsWith("stream disconnected before completion: ");
        assertThat(error.isRetryable()).isTrue();
        assertThat(mock.requests()).hasSize(1);
        assertThatThrownBy(stream::next).isSameAs(error);
    }

    @Test
    void aStreamEndingWithoutCompletionFails() {
        mock.enqueue(MockResponse.sse().message("no completion").withoutEnvelope().build());

        ModelClientException error = fail(TestSupport.client(mock.baseUrl()));

        assertThat(error).isInstanceOf(ModelClientException.StreamFailed.class)
                .hasMessage("stream closed before response.completed");
    }

    @Test
    void aStalledStreamHitsTheIdleTimeout() {
        mock.enqueue(MockResponse.sse().message("then silence").stall().build());
        ModelClient client = TestSupport.client(mock.baseUrl(), WireApi.RESPONSES, 4, 300);

        ModelClientException error = fail(client);

        assertThat(error).isInstanceOf(ModelClientException.StreamFailed.class)
                .hasMessage("idle timeout waiting for SSE");
        assertThat(error.isRetryable()).isTrue();
        assertThat(mock.requests()).hasSize(1);
    }

    @Test
    void nonRetryableErrorsAreReportedAtOnce() {
        mock.enqueue(MockResponse.httpError(400).withBody("{\"error\":{\"message\":\"Invalid 'input': bad\","
                        + "\"type\":\"invalid_request_error\"}}"),
                MockResponse.httpError(503).withBody("{\"error\":{\"code\":\"server_is_overloaded\"}}"),
                MockResponse.sse().failed("context_length_exceeded", "too long").build(),
                MockResponse.httpError(400).withBody("{\"error\":{\"code\":\"cyber_policy\",\"message\":\"\"}}"));
        ModelClient client = TestSupport.client(mock.baseUrl(), WireApi.RESPONSES, 0, 10_000);

        ModelClientException invalid = fail(client);
        ModelClientException overloaded = fail(client);
        ModelClientException context = fail(client);
        ModelClientException cyber = fail(client);

        assertThat(invalid).isInstanceOf(ModelClientException.InvalidRequest.class).hasMessage("Invalid 'input': bad");
        assertThat(overloaded).isInstanceOf(ModelClientException.ServerOverloaded.class);
        assertThat(context).isInstanceOf(ModelClientException.ContextWindowExceeded.class);
        assertThat(cyber).hasMessage("This request has been flagged for possible cybersecurity risk.");
        assertThat(List.of(invalid, overloaded, context, cyber)).noneMatch(ModelClientException::isRetryable);
        assertThat(mock.requests()).hasSize(4);
    }

    @Test
    void unexpectedStatusesNameStatusMessageAndRequestId() {
        mock.enqueue(MockResponse.httpError(418).withHeader("x-request-id", "req_42").withHeader("cf-ray", "ray-1")
                .withBody("{\"error\":{\"message\":\"short and stout\"}}"));

        ModelClientException error = fail(TestSupport.client(mock.baseUrl()));

        assertThat(error).isInstanceOf(ModelClientException.UnexpectedStatus.class);
        assertThat(error.getMessage()).isEqualTo("unexpected status 418 I'm a teapot: short and stout, url: "
                + mock.baseUrl() + "/responses, cf-ray: ray-1, request id: req_42");
        assertThat(error.isRetryable()).isTrue();
    }

    @Test
    void unauthorizedAfterRecoveryFailsWithoutRetrying() {
        mock.defaultResponse(MockResponse.httpError(401).withBody("{\"error\":{\"message\":\"bad key\"}}"));

        ModelClientException error = fail(TestSupport.client(mock.baseUrl()));

        assertThat(error).isInstanceOf(ModelClientException.Unauthorized.class);
        assertThat(error.getMessage()).startsWith("unexpected status 401 Unauthorized: bad key");
        assertThat(mock.requests()).hasSize(1);
    }

    @Test
    void refusedConnectionsAreRetriedThenReportedAsConnectionFailures() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ModelClient client = TestSupport.client("http://127.0.0.1:" + port + "/v1", WireApi.RESPONSES, 2, 10_000);

        ModelClientException error = fail(client);

        assertThat(error).isInstanceOf(ModelClientException.ConnectionFailed.class);
        assertThat(error.getMessage()).startsWith("error sending request for url (http://127.0.0.1:" + port
                + "/v1/responses)");
        assertThat(error.isRetryable()).isTrue();
    }

    @Test
    void closingAStalledStreamAbortsItPromptly() throws Exception {
        mock.enqueue(MockResponse.sse().message("before the stall").stall().build());
        ModelClient client = TestSupport.client(mock.baseUrl());
        ResponseStream stream = client.stream(TestSupport.request(client), TestSupport.context());
        for (ResponseEvent e = stream.next(); !(e instanceof ResponseEvent.OutputItemDone); e = stream.next()) {
            assertThat(e).isNotNull();
        }
        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                stream.next();
                return null;
            } catch (ModelClientException e) {
                return e;
            }
        });

        stream.close();

        assertThat(blocked.get(10, TimeUnit.SECONDS)).isInstanceOf(ModelClientException.Interrupted.class);
        assertThat(stream.isClosed()).isTrue();
    }

    @Test
    void interruptingTheConsumerAbortsTheExchange() throws Exception {
        mock.enqueue(MockResponse.sse().stall().build());
        ModelClient client = TestSupport.client(mock.baseUrl());
        ResponseStream stream = client.stream(TestSupport.request(client), TestSupport.context());
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                TestSupport.drain(stream);
                outcome.complete(null);
            } catch (ModelClientException e) {
                outcome.complete(e);
            }
        });
        mock.awaitRequests(1, Duration.ofSeconds(10));

        consumer.interrupt();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ModelClientException.Interrupted.class);
        assertThat(stream.isClosed()).isTrue();
    }

    @Test
    void aResponseFailedEventEndsTheStreamWithItsError() {
        mock.enqueue(MockResponse.sse().message("partial").failed("server_error", "boom").build());
        ModelClient client = TestSupport.client(mock.baseUrl());
        ResponseStream stream = client.stream(TestSupport.request(client), TestSupport.context());
        List<ResponseEvent> seen = new java.util.ArrayList<>();

        ModelClientException error = catchThrowableOfType(ModelClientException.class,
                () -> stream.forEachRemaining(seen::add));

        assertThat(seen).hasSize(4);
        assertThat(error).isInstanceOf(ModelClientException.StreamFailed.class).hasMessage("boom");
        assertThat(error.isRetryable()).isTrue();
    }
}
