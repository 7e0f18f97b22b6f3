package dev.jcodex.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MockResponsesServerTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MockResponsesServer mock = MockResponsesServer.start();

    @AfterEach
    void stop() {
        mock.close();
        http.close();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(mock.uri(path))
                .header("Authorization", "Bearer test").header("session-id", "thread-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Parses an SSE body into (event name, data) pairs; {@code event} is null when absent. */
    private static List<String[]> frames(String body) {
        List<String[]> out = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String event = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (data != null) {
                out.add(new String[] {event, data});
            }
        }
        return out;
    }

    private static JsonNode json(String s) {
        return Wire.JSON.readTree(s);
    }

    @Test
    void messageStreamHasTheConformanceMockShapeAndUsage() throws Exception {
        mock.enqueue(MockResponse.sse().message("Hello there", 3).build());

        HttpResponse<String> response = post("/v1/responses", "{\"model\":\"gpt-5.5\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("x-request-id")).hasValue("mockreq_1");
        List<String[]> frames = frames(response.body());
        assertThat(frames).extracting(f -> f[0]).containsExactly("response.created",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.done",
                "response.output_item.done", "response.completed");
        assertThat(frames).allSatisfy(f -> assertThat(json(f[1]).path("type").asString()).isEqualTo(f[0]));
        assertThat(frames.subList(3, 6)).extracting(f -> json(f[1]).path("delta").asString())
                .containsExactly("Hell", "o th", "ere");
        JsonNode completed = json(frames.getLast()[1]).path("response");
        assertThat(completed.path("id").asString()).isEqualTo("resp_1");
        assertThat(completed.path("usage")).isEqualTo(json("{\"input_tokens\":100,\"input_tokens_details\":"
                + "{\"cached_tokens\":0},\"output_tokens\":20,\"output_tokens_details\":{\"reasoning_tokens\":0},"
                + "\"total_tokens\":120}"));
        assertThat(completed.path("output").get(0).path("content").get(0).path("text").asString())
                .isEqualTo("Hello there");
    }

    @Test
    void capturesEveryRequestWithLowerCasedHeadersAndParsedBody() throws Exception {
        post("/v1/responses?k=v", "{\"model\":\"gpt-5.5\",\"stream\":true}");
        post("/v1/other", "not json");

        List<CapturedRequest> requests = mock.awaitRequests(2, Duration.ofSeconds(5));

        CapturedRequest first = requests.getFirst();
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/v1/responses");
        assertThat(first.query()).isEqualTo("k=v");
        assertThat(first.header("AUTHORIZATION")).isEqualTo("Bearer test");
        assertThat(first.headers()).containsKey("session-id");
        assertThat(first.bodyJson().path("model").asString()).isEqualTo("gpt-5.5");
        assertThat(first.isModelRequest()).isTrue();
        assertThat(requests.get(1).bodyJson()).isNull();
        assertThat(requests.get(1).bodyText()).isEqualTo("not json");
        assertThat(requests.get(1).isModelRequest()).isFalse();
        assertThat(requests.get(1).receivedNanos()).isGreaterThanOrEqualTo(first.receivedNanos());
        assertThat(mock.modelRequests()).containsExactly(first);
    }

    @Test
    void awaitRequestsFailsWhenTooFewArrive() {
        assertThatThrownBy(() -> mock.awaitRequests(1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("expected 1 requests");
    }

    @Test
    void rendersReasoningFunctionAndCustomToolCalls() throws Exception {
        mock.enqueue(MockResponse.sse().responseId("resp_x")
                .reasoning(List.of("Planning."), List.of("raw thought"), "ZW5j")
                .functionCall("call_1", "exec_command", "{\"cmd\":\"echo hi\"}")
                .customToolCall("call_2", "apply_patch", "*** Begin Patch\n*** End Patch")
                .build());

        List<String[]> frames = frames(post("/v1/responses", "{}").body());

        assertThat(frames).extracting(f -> f[0]).contains("response.reasoning_summary_part.added",
                "response.reasoning_summary_text.delta", "response.reasoning_text.delta",
                "response.function_call_arguments.delta", "response.custom_tool_call_input.delta");
        List<JsonNode> done = frames.stream().filter(f -> "response.output_item.done".equals(f[0]))
                .map(f -> json(f[1]).path("item")).toList();
        assertThat(done).hasSize(3);
        assertThat(done.get(0).path("encrypted_content").asString()).isEqualTo("ZW5j");
        assertThat(done.get(0).path("summary").get(0).path("text").asString()).isEqualTo("Planning.");
        assertThat(done.get(0).path("content").get(0).path("type").asString()).isEqualTo("reasoning_text");
        assertThat(done.get(1).path("call_id").asString()).isEqualTo("call_1");
        assertThat(done.get(1).path("arguments").asString()).isEqualTo("{\"cmd\":\"echo hi\"}");
        assertThat(done.get(2).path("type").asString()).isEqualTo("custom_tool_call");
        assertThat(done.get(2).path("input").asString()).isEqualTo("*** Begin Patch\n*** End Patch");
        assertThat(json(frames.getLast()[1]).path("response").path("id").asString()).isEqualTo("resp_x");
    }

    @Test
    void failedAndIncompleteSuppressCompletion() throws Exception {
        mock.enqueue(MockResponse.sse().failed("context_length_exceeded", "too long").build(),
                MockResponse.sse().incomplete("max_output_tokens").build());

        List<String[]> failed = frames(post("/v1/responses", "{}").body());
        List<String[]> incomplete = frames(post("/v1/responses", "{}").body());

        assertThat(failed).extracting(f -> f[0]).containsExactly("response.created", "response.failed");
        assertThat(json(failed.get(1)[1]).path("response").path("error").path("code").asString())
                .isEqualTo("context_length_exceeded");
        assertThat(incomplete).extracting(f -> f[0]).containsExactly("response.created", "response.incomplete");
        assertThat(json(incomplete.get(1)[1]).at("/response/incomplete_details/reason").asString())
                .isEqualTo("max_output_tokens");
    }

    @Test
    void rawEventsAndBytesAreSentVerbatim() throws Exception {
        mock.enqueue(MockResponse.sse().withoutEnvelope()
                .rawText(": keep-alive\n\n")
                .rawEvent("{\"type\":\"response.in_progress\"}")
                .rawText("data: {not json\n\n")
                .sleep(Duration.ofMillis(5))
                .build());

        String body = post("/v1/responses", "{}").body();

        assertThat(body).isEqualTo(": keep-alive\n\nevent: response.in_progress\ndata: "
                + "{\"type\":\"response.in_progress\"}\n\ndata: {not json\n\n");
    }

    @Test
    void chatCompletionsStreamContentToolCallsUsageAndDone() throws Exception {
        mock.enqueue(MockResponse.sse().responseId("chatcmpl-1").message("Hi!", 2)
                .reasoning(List.of("think"), List.of("deep"), null)
                .functionCall("call_9", "shell", "{\"command\":[\"ls\"]}", 3)
                .customToolCall("call_10", "apply_patch", "patch text")
                .build());

        List<String[]> frames = frames(post("/v1/chat/completions", "{}").body());

        assertThat(frames).allSatisfy(f -> assertThat(f[0]).isNull());
        assertThat(frames.getLast()[1]).isEqualTo("[DONE]");
        List<JsonNode> chunks = frames.subList(0, frames.size() - 1).stream().map(f -> json(f[1])).toList();
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("object").asString())
                .isEqualTo("chat.completion.chunk"));
        StringBuilder content = new StringBuilder();
        StringBuilder args = new StringBuilder();
        List<String> reasoning = new ArrayList<>();
        for (JsonNode c : chunks) {
            JsonNode delta = c.path("choices").path(0).path("delta");
            content.append(delta.path("content").asString(""));
            delta.optional("reasoning").ifPresent(r -> reasoning.add(r.asString()));
            delta.optional("reasoning_content").ifPresent(r -> reasoning.add(r.asString()));
            for (JsonNode call : delta.path("tool_calls")) {
                if (call.path("index").asInt() == 0) {
                    args.append(call.path("function").path("arguments").asString(""));
                }
            }
        }
        assertThat(content).hasToString("Hi!");
        assertThat(reasoning).containsExactly("think", "deep");
        assertThat(args).hasToString("{\"command\":[\"ls\"]}");
        JsonNode custom = chunks.stream().flatMap(c -> c.path("choices").path(0).path("delta").path("tool_calls")
                .valueStream()).filter(t -> t.path("index").asInt() == 1).findFirst().orElseThrow();
        assertThat(custom.at("/function/arguments").asString()).isEqualTo("{\"input\":\"patch text\"}");
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(chunks.getLast().path("usage").path("prompt_tokens").asLong()).isEqualTo(100);
        assertThat(chunks.getLast().path("usage").path("completion_tokens").asLong()).isEqualTo(20);
    }

    @Test
    void httpErrorsCarryStatusHeadersAndJsonBody() throws Exception {
        mock.enqueue(MockResponse.httpError(429).withHeader("retry-after", "1"),
                MockResponse.httpError(400).withBody("{\"error\":{\"code\":\"cyber_policy\"}}"));

        HttpResponse<String> limited = post("/v1/responses", "{}");
        HttpResponse<String> invalid = post("/v1/responses", "{}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
        assertThat(json(limited.body()).at("/error/message").asString()).isEqualTo("mock error 429");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid.body()).at("/error/code").asString()).isEqualTo("cyber_policy");
    }

    @Test
    void defaultAnswersOnceTheScriptIsExhaustedAndUnknownPathsGet404() throws Exception {
        mock.enqueue(MockResponse.reply("scripted"));
        mock.defaultResponse(MockResponse.reply("fallback"));

        String first = post("/v1/responses", "{}").body();
        String second = post("/v1/responses", "{}").body();
        HttpResponse<String> missing = post("/v1/nothing", "{}");
        HttpResponse<String> models = http.send(HttpRequest.newBuilder(mock.uri("/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first).contains("\"delta\":\"scripted\"");
        assertThat(second).contains("\"delta\":\"fallback\"").contains("\"id\":\"resp_2\"");
        assertThat(mock.pendingResponses()).isZero();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(json(models.body()).at("/data/0/id").asString()).isEqualTo("mock-model");
    }

    @Test
    void disconnectDropsTheConnectionWithoutTheFinalChunk() {
        mock.enqueue(MockResponse.sse().message("partial").disconnect().build(),
                MockResponse.sse().message("abc").disconnectAfter(2).build());

        assertThatThrownBy(() -> post("/v1/responses", "{}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> post("/v1/responses", "{}")).isInstanceOf(IOException.class);
        assertThat(mock.requests()).hasSize(2);
    }

    @Test
    void stallKeepsTheConnectionOpenUntilTheServerCloses() throws Exception {
        mock.enqueue(MockResponse.sse().message("before").stall().build());
        HttpRequest request = HttpRequest.newBuilder(mock.uri("/v1/responses"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        while (!seen.toString().contains("response.output_item.done")) {
            int n = body.read(buf);
            assertThat(n).isPositive();
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        assertThat(seen).doesNotContain("response.completed");

        mock.close();

        assertThatThrownBy(() -> {
            while (body.read(buf) >= 0) {
                seen.append(new String(buf, StandardCharsets.UTF_8));
            }
        }).isInstanceOf(IOException.class);
        assertThat(seen).doesNotContain("response.completed");
    }

    @Test
    void delaysStillDeliverTheWholeStream() throws Exception {
        mock.enqueue(MockResponse.sse().message("slow", 2).eventDelay(Duration.ofMillis(2))
                .delayBeforeHeaders(Duration.ofMillis(5)).header("x-codex-primary-used-percent", "12.5").build());

        HttpResponse<String> response = post("/v1/responses", "{}");

        assertThat(response.headers().firstValue("x-codex-primary-used-percent")).hasValue("12.5");
        assertThat(frames(response.body()).getLast()[0]).isEqualTo("response.completed");
    }

    @Test
    void baseUrlPointsAtLoopback() {
        assertThat(URI.create(mock.baseUrl()).getHost()).isEqualTo("127.0.0.1");
        assertThat(mock.baseUrl()).endsWith(":" + mock.port() + "/v1");
    }
}
