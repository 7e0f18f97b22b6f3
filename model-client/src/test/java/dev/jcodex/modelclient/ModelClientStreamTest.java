package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponse;
import dev.jcodex.testkit.MockResponsesServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End-to-end Responses streams against the testkit mock. */
class ModelClientStreamTest {
    private final MockResponsesServer mock = MockResponsesServer.start();

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void plainReplyStreamsEveryDeltaAndCompletesWithUsage() {
        mock.enqueue(MockResponse.sse().message("Hello from the mock model.", 3).build());
        ModelClient client = TestSupport.client(mock.baseUrl());

        List<ResponseEvent> events;
        try (ResponseStream stream = client.stream(TestSupport.request(client), TestSupport.context())) {
            events = TestSupport.drain(stream);
            assertThat(stream.next()).isNull();
        }

        assertThat(events).containsExactly(
                new ResponseEvent.Created(),
                new ResponseEvent.OutputItemAdded(new ResponseItem.Message("msg_1", "assistant", List.of(), null,
                        null)),
                new ResponseEvent.OutputTextDelta("msg_1", "Hello fro"),
                new ResponseEvent.OutputTextDelta("msg_1", "m the moc"),
                new ResponseEvent.OutputTextDelta("msg_1", "k model."),
                new ResponseEvent.OutputItemDone(new ResponseItem.Message("msg_1", "assistant",
                        List.of(new ContentItem.OutputText("Hello from the mock model.")), null, null)),
                new ResponseEvent.Completed("resp_1", new TokenUsage(100, 0, 0, 20, 0, 120)));
    }

    @Test
    void reasoningAndToolCallsArriveAsItemsAndDeltas() {
        mock.enqueue(MockResponse.sse().reasoning(List.of("Planning to run echo."), List.of("raw"), "ZW5j")
                .functionCall("call_echo", "exec_command", "{\"cmd\":\"echo hi\"}")
                .customToolCall("call_patch", "apply_patch", "*** Begin Patch\n*** End Patch")
                .usage(200, 50, 40, 7).build());
        ModelClient client = TestSupport.client(mock.baseUrl());

        List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));

        assertThat(events).contains(
                new ResponseEvent.ReasoningSummaryPartAdded("rs_1", 0),
                new ResponseEvent.ReasoningSummaryDelta("rs_1", 0, "Planning to run echo."),
                new ResponseEvent.ReasoningContentDelta("rs_1", 0, "raw"),
                new ResponseEvent.CustomToolCallInputDelta("ctc_3", "call_patch", "*** Begin Patch\n*** End Patch"),
                new ResponseEvent.OutputItemDone(new ResponseItem.Reasoning("rs_1",
                        List.of(ResponseItem.SummaryText.of("Planning to run echo.")),
                        List.of(new ResponseItem.ReasoningContent("reasoning_text", "raw")), "ZW5j")),
                new ResponseEvent.OutputItemDone(new ResponseItem.FunctionCall("completed", "fc_2", "exec_command",
                        null, "{\"cmd\":\"echo hi\"}", "call_echo")),
                new ResponseEvent.OutputItemDone(new ResponseItem.CustomToolCall("ctc_3", "completed", "call_patch",
                        "apply_patch", "*** Begin Patch\n*** End Patch")));
        assertThat(events.getLast()).isEqualTo(new ResponseEvent.Completed("resp_1",
                new TokenUsage(200, 50, 0, 40, 7, 240)));
    }

    @Test
    void responseHeadersBecomeEventsBeforeCreated() {
        mock.enqueue(MockResponse.sse().message("hi")
                .header("x-codex-primary-used-percent", "42.5").header("x-codex-primary-window-minutes", "300")
                .header("x-codex-primary-reset-at", "1795281144").header("x-codex-secondary-used-percent", "0")
                .header("x-codex-credits-has-credits", "true").header("x-codex-credits-balance", "12.00")
                .header("x-codex-limit-name", "codex").header("OpenAI-Model", "gpt-5.5-2026")
                .header("X-Models-Etag", "W/\"abc\"").header("x-codex-turn-state", "sticky-1").build());
        ModelClient client = TestSupport.client(mock.baseUrl());

        List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));

        assertThat(events.subList(0, 5)).containsExactly(
                new ResponseEvent.RateLimits(new RateLimitSnapshot("codex", "codex",
                        new RateLimitSnapshot.Window(42.5, 300L, 1795281144L), null,
                        new RateLimitSnapshot.Credits(true, false, "12.00"), null, null)),
                new ResponseEvent.ServerModel("gpt-5.5-2026"),
                new ResponseEvent.ModelsEtag("W/\"abc\""),
                new ResponseEvent.TurnState("sticky-1"),
                new ResponseEvent.Created());
    }

    @Test
    void malformedDataCommentsAndUnknownEventsAreSkipped() {
        mock.enqueue(MockResponse.sse().rawText(": keep-alive\n\n").rawText("data: {not json\n\n")
                .rawText("event: response.output_text.delta\ndata: [\"array\"]\n\n")
                .rawEvent("{\"type\":\"response.something_new\",\"x\":1}").message("ok").build());
        ModelClient client = TestSupport.client(mock.baseUrl());

        List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));

        assertThat(events).filteredOn(e -> e instanceof ResponseEvent.OutputTextDelta)
                .containsExactly(new ResponseEvent.OutputTextDelta("msg_1", "ok"));
        assertThat(events.getLast()).isInstanceOf(ResponseEvent.Completed.class);
    }

    @Test
    void utf8SplitAcrossWritesIsDecodedCorrectly() {
        byte[] frame = ("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                + "\"item_id\":\"m\",\"delta\":\"\u00e9\u4e16\uD83D\uDE00\"}\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int cut = frame.length - 9; // inside the 4-byte emoji
        mock.enqueue(MockResponse.sse().rawBytes(java.util.Arrays.copyOfRange(frame, 0, cut))
                .sleep(Duration.ofMillis(20)).rawBytes(java.util.Arrays.copyOfRange(frame, cut, frame.length))
                .build());
        ModelClient client = TestSupport.client(mock.baseUrl());

        List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));

        assertThat(events).contains(new ResponseEvent.OutputTextDelta("m", "\u00e9\u4e16\uD83D\uDE00"));
    }

    @Test
    void aSlowStreamWithinTheIdleTimeoutCompletes() {
        mock.enqueue(MockResponse.sse().message("slow but steady", 5).eventDelay(Duration.ofMillis(60)).build());
        ModelClient client = TestSupport.client(mock.baseUrl(), dev.jcodex.config.WireApi.RESPONSES, 0, 400);

        List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));

        assertThat(events.getLast()).isInstanceOf(ResponseEvent.Completed.class);
        assertThat(mock.requests()).hasSize(1);
    }

    @Test
    void listenerStyleConsumptionSeesTheSameEvents() {
        mock.enqueue(MockResponse.reply("one"), MockResponse.reply("one"));
        ModelClient client = TestSupport.client(mock.baseUrl());
        List<ResponseEvent> pulled = TestSupport.drain(client.stream(TestSupport.request(client),
                TestSupport.context()));
        List<ResponseEvent> pushed = new java.util.ArrayList<>();

        try (ResponseStream s = client.stream(TestSupport.request(client), TestSupport.context())) {
            s.forEachRemaining(pushed::add);
        }

        assertThat(pushed).hasSize(pulled.size());
        assertThat(pushed.getLast()).isEqualTo(new ResponseEvent.Completed("resp_2",
                new TokenUsage(100, 0, 0, 20, 0, 120)));
        List<CapturedRequest> requests = mock.awaitRequests(2, Duration.ofSeconds(5));
        assertThat(requests).allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/responses"));
    }
}
