package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jcodex.config.WireApi;
import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponse;
import dev.jcodex.testkit.MockResponsesServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code wire_api = "chat"} end to end: the same ResponseEvent stream as the Responses API. */
class ChatCompletionsTest {
    private final MockResponsesServer mock = MockResponsesServer.start();
    private final ModelClient client = TestSupport.client(mock.baseUrl(), WireApi.CHAT, 1, 10_000);

    @AfterEach
    void stop() {
        mock.close();
    }

    private ResponsesRequest requestWithTools() {
        JsonNode shell = ProtocolJson.tree("{\"type\":\"function\",\"name\":\"shell\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{}}}");
        JsonNode patch = ProtocolJson.tree("{\"type\":\"custom\",\"name\":\"apply_patch\",\"description\":\"d\"}");
        return client.newRequest().input(List.of(ResponseItem.Message.text("user", "hi"))).tools(List.of(shell, patch))
                .build();
    }

    @Test
    void streamsTextReasoningAndToolCallsAsResponseEvents() {
        mock.enqueue(MockResponse.sse().responseId("chatcmpl-1").reasoning(List.of("think"), List.of(" more"), null)
                .message("Hello!", 3)
                .functionCall("call_a", "shell", "{\"command\":[\"ls\",\"-la\"]}", 4)
                .customToolCall("call_b", "apply_patch", "*** Begin Patch\n*** End Patch").usage(90, 10, 12, 3)
                .build());

        List<ResponseEvent> events = TestSupport.drain(client.stream(requestWithTools(), TestSupport.context()));

        assertThat(events).containsExactly(
                new ResponseEvent.Created(),
                new ResponseEvent.OutputItemAdded(new ResponseItem.Reasoning("rs_chatcmpl-1", List.of(), null, null)),
                new ResponseEvent.ReasoningContentDelta("rs_chatcmpl-1", 0, "think"),
                new ResponseEvent.ReasoningContentDelta("rs_chatcmpl-1", 0, " more"),
                new ResponseEvent.OutputItemAdded(new ResponseItem.Message("msg_chatcmpl-1", "assistant", List.of(),
                        null, null)),
                new ResponseEvent.OutputTextDelta("msg_chatcmpl-1", "He"),
                new ResponseEvent.OutputTextDelta("msg_chatcmpl-1", "ll"),
                new ResponseEvent.OutputTextDelta("msg_chatcmpl-1", "o!"),
                new ResponseEvent.OutputItemAdded(new ResponseItem.FunctionCall("in_progress", null, "shell", null, "",
                        "call_a")),
                new ResponseEvent.OutputItemAdded(new ResponseItem.CustomToolCall(null, "in_progress", "call_b",
                        "apply_patch", "")),
                new ResponseEvent.OutputItemDone(new ResponseItem.Reasoning("rs_chatcmpl-1", List.of(),
                        List.of(new ResponseItem.ReasoningContent("reasoning_text", "think more")), null)),
                new ResponseEvent.OutputItemDone(new ResponseItem.Message("msg_chatcmpl-1", "assistant",
                        List.of(new ContentItem.OutputText("Hello!")), null, null)),
                new ResponseEvent.OutputItemDone(new ResponseItem.FunctionCall("completed", null, "shell", null,
                        "{\"command\":[\"ls\",\"-la\"]}", "call_a")),
                new ResponseEvent.OutputItemDone(new ResponseItem.CustomToolCall(null, "completed", "call_b",
                        "apply_patch", "*** Begin Patch\n*** End Patch")),
                new ResponseEvent.Completed("chatcmpl-1", new TokenUsage(90, 10, 0, 12, 3, 102)));
    }

    @Test
    void postsAChatCompletionsBodyWithTheSameHeaders() {
        mock.enqueue(MockResponse.reply("ok"));

        TestSupport.drain(client.stream(requestWithTools(), TestSupport.context()));

        CapturedRequest request = mock.awaitRequests(1, Duration.ofSeconds(5)).getFirst();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer dummy");
        assertThat(request.header("accept")).isEqualTo("text/event-stream");
        assertThat(request.header("session-id")).isEqualTo(TestSupport.THREAD);
        JsonNode body = request.bodyJson();
        assertThat(body.get("model").asString()).isEqualTo("gpt-5.5");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/messages/0")).isEqualTo(ProtocolJson.tree("{\"role\":\"user\",\"content\":\"hi\"}"));
        assertThat(body.at("/tools/1/function/parameters/required/0").asString()).isEqualTo("input");
    }

    @Test
    void plainReplyCompletesWithUsage() {
        mock.enqueue(MockResponse.reply("Hello from chat."));

        List<ResponseEvent> events = TestSupport.drain(client.stream(requestWithTools(), TestSupport.context()));

        assertThat(events.getLast()).isEqualTo(new ResponseEvent.Completed("resp_1",
                new TokenUsage(100, 0, 0, 20, 0, 120)));
        assertThat(events).contains(new ResponseEvent.OutputTextDelta("msg_resp_1", "Hello from chat."));
    }

    @Test
    void lengthFinishStillCompletesWithThePartialMessage() {
        mock.enqueue(MockResponse.sse().message("cut sh").incomplete("length").build());

        List<ResponseEvent> events = TestSupport.drain(client.stream(requestWithTools(), TestSupport.context()));

        assertThat(events).contains(new ResponseEvent.OutputItemDone(new ResponseItem.Message("msg_resp_1",
                "assistant", List.of(new ContentItem.OutputText("cut sh")), null, null)));
        assertThat(events.getLast()).isInstanceOf(ResponseEvent.Completed.class);
    }

    @Test
    void errorChunksDroppedStreamsAndMissingFinishFail() {
        mock.enqueue(MockResponse.sse().message("x").failed("context_length_exceeded", "too long").build(),
                MockResponse.sse().message("partial").disconnect().build(),
                MockResponse.sse().message("no finish").withoutEnvelope().build(),
                MockResponse.sse().rawText("data: {garbage\n\n").message("fine").build());

        ModelClientException context = catchThrowableOfType(ModelClientException.class,
                () -> TestSupport.drain(client.stream(requestWithTools(), TestSupport.context())));
        ModelClientException dropped = catchThrowableOfType(ModelClientException.class,
                () -> TestSupport.drain(client.stream(requestWithTools(), TestSupport.context())));
        ModelClientException unfinished = catchThrowableOfType(ModelClientException.class,
                () -> TestSupport.drain(client.stream(requestWithTools(), TestSupport.context())));
        List<ResponseEvent> fine = TestSupport.drain(client.stream(requestWithTools(), TestSupport.context()));

        assertThat(context).isInstanceOf(ModelClientException.ContextWindowExceeded.class);
        assertThat(dropped).isInstanceOf(ModelClientException.StreamFailed.class);
        assertThat(dropped.getMessage()).startsWith("stream disconnected before completion: ");
        assertThat(unfinished).hasMessage("stream closed before response.completed");
        assertThat(fine.getLast()).isInstanceOf(ResponseEvent.Completed.class);
    }

    @Test
    void httpErrorsMapTheSameWayAsForResponses() {
        mock.enqueue(MockResponse.httpError(429).withHeader("retry-after", "2"));

        ModelClientException error = catchThrowableOfType(ModelClientException.class,
                () -> TestSupport.drain(client.stream(requestWithTools(), TestSupport.context())));

        assertThat(error).isInstanceOf(ModelClientException.RetryLimit.class);
        assertThat(error.retryDelay()).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void customInputFallsBackToRawArguments() {
        assertThat(ChatDecoder.customInput("{\"input\":\"x\"}")).isEqualTo("x");
        assertThat(ChatDecoder.customInput("not json")).isEqualTo("not json");
        assertThat(ChatDecoder.customInput("{\"other\":1}")).isEqualTo("{\"other\":1}");
        assertThat(ChatDecoder.customInput("")).isEmpty();
    }
}
