package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesDecoderTest {
    private final List<ResponseEvent> events = new ArrayList<>();
    private final List<ModelClientException> failures = new ArrayList<>();
    private final StreamDecoder.EventSink sink = new StreamDecoder.EventSink() {
        @Override
        public void emit(ResponseEvent event) {
            events.add(event);
        }

        @Override
        public void fail(ModelClientException error) {
            failures.add(error);
        }
    };
    private final ResponsesDecoder decoder = new ResponsesDecoder();

    private void feed(String json) {
        decoder.onEvent(new SseParser.SseEvent("message", json, "", -1), sink);
    }

    @Test
    void mapsEveryEventType() {
        feed("{\"type\":\"response.created\",\"response\":{\"id\":\"r\"}}");
        feed("{\"type\":\"response.created\"}");
        feed("{\"type\":\"response.output_item.added\",\"item\":{\"type\":\"message\",\"role\":\"assistant\","
                + "\"id\":\"m1\",\"content\":[]}}");
        feed("{\"type\":\"response.output_text.delta\",\"item_id\":\"m1\",\"delta\":\"Hi\"}");
        feed("{\"type\":\"response.reasoning_summary_part.added\",\"item_id\":\"rs\",\"summary_index\":0}");
        feed("{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs\",\"summary_index\":1,\"delta\":\"s\"}");
        feed("{\"type\":\"response.reasoning_text.delta\",\"item_id\":\"rs\",\"content_index\":2,\"delta\":\"t\"}");
        feed("{\"type\":\"response.custom_tool_call_input.delta\",\"item_id\":\"c\",\"call_id\":\"call\",\"delta\":\"*\"}");
        feed("{\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"role\":\"assistant\","
                + "\"id\":\"m1\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}]}}");
        feed("{\"type\":\"response.in_progress\"}");
        feed("{\"type\":\"response.function_call_arguments.delta\",\"delta\":\"{\"}");
        feed("{\"type\":\"response.metadata\",\"metadata\":{}}");
        feed("{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"usage\":{\"input_tokens\":100,"
                + "\"input_tokens_details\":{\"cached_tokens\":30},\"output_tokens\":20,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":5},\"total_tokens\":120}}}");
        assertThat(events).doesNotHaveAnyElementsOfTypes(ResponseEvent.Completed.class);
        decoder.onEnd(sink);

        assertThat(failures).isEmpty();
        assertThat(events).containsExactly(
                new ResponseEvent.Created(),
                new ResponseEvent.OutputItemAdded(new ResponseItem.Message("m1", "assistant", List.of(), null, null)),
                new ResponseEvent.OutputTextDelta("m1", "Hi"),
                new ResponseEvent.ReasoningSummaryPartAdded("rs", 0),
                new ResponseEvent.ReasoningSummaryDelta("rs", 1, "s"),
                new ResponseEvent.ReasoningContentDelta("rs", 2, "t"),
                new ResponseEvent.CustomToolCallInputDelta("c", "call", "*"),
                new ResponseEvent.OutputItemDone(new ResponseItem.Message("m1", "assistant",
                        List.of(new ContentItem.OutputText("Hi")), null, null)),
                new ResponseEvent.Completed("resp_1", new TokenUsage(100, 30, 0, 20, 5, 120)));
    }

    @Test
    void deltasMissingRequiredIndexesAreIgnored() {
        feed("{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs\",\"delta\":\"s\"}");
        feed("{\"type\":\"response.reasoning_summary_part.added\",\"item_id\":\"rs\"}");
        feed("{\"type\":\"response.reasoning_text.delta\",\"item_id\":\"rs\",\"delta\":\"t\"}");

        assertThat(events).isEmpty();
    }

    @Test
    void unparseableDataIsSkipped() {
        feed("{not json");
        feed("[1,2]");
        feed("{\"type\":\"response.output_text.delta\",\"item_id\":\"m\",\"delta\":\"ok\"}");

        assertThat(events).containsExactly(new ResponseEvent.OutputTextDelta("m", "ok"));
        assertThat(failures).isEmpty();
    }

    @Test
    void endWithoutCompletedFails() {
        decoder.onEnd(sink);

        assertThat(failures).singleElement().isInstanceOf(ModelClientException.StreamFailed.class)
                .extracting(Throwable::getMessage).isEqualTo("stream closed before response.completed");
        assertThat(failures.getFirst().isRetryable()).isTrue();
    }

    @Test
    void completedWithoutUsageHasNullUsage() {
        feed("{\"type\":\"response.completed\",\"response\":{\"id\":\"r9\"}}");
        decoder.onEnd(sink);

        assertThat(events).containsExactly(new ResponseEvent.Completed("r9", null));
    }

    @Test
    void incompleteNamesTheReason() {
        feed("{\"type\":\"response.incomplete\",\"response\":{\"incomplete_details\":{\"reason\":\"max_output_tokens\"}}}");
        feed("{\"type\":\"response.incomplete\",\"response\":{}}");

        assertThat(failures).extracting(Throwable::getMessage).containsExactly(
                "Incomplete response returned, reason: max_output_tokens",
                "Incomplete response returned, reason: unknown");
    }

    @Test
    void failedCodesMapToTypedErrors() {
        String[] codes = {"context_length_exceeded", "insufficient_quota", "usage_not_included", "cyber_policy",
            "invalid_prompt", "server_is_overloaded", "slow_down", "server_error"};
        for (String code : codes) {
            feed("{\"type\":\"response.failed\",\"response\":{\"error\":{\"code\":\"" + code + "\",\"message\":\"m-"
                    + code + "\"}}}");
        }

        assertThat(failures).extracting(e -> e.getClass().getSimpleName()).containsExactly("ContextWindowExceeded",
                "QuotaExceeded", "UsageNotIncluded", "CyberPolicy", "InvalidRequest", "ServerOverloaded",
                "ServerOverloaded", "StreamFailed");
        assertThat(failures).extracting(Throwable::getMessage).containsExactly(
                "Codex ran out of room in the model's context window. Start a new thread or clear earlier history "
                        + "before retrying.",
                "Quota exceeded. Check your plan and billing details.",
                "To use Codex with your ChatGPT plan, upgrade to Plus: https://chatgpt.com/explore/plus.",
                "m-cyber_policy", "m-invalid_prompt",
                "Selected model is at capacity. Please try a different model.",
                "Selected model is at capacity. Please try a different model.", "m-server_error");
        assertThat(failures).extracting(ModelClientException::isRetryable)
                .containsExactly(false, false, false, false, false, false, false, true);
    }

    @Test
    void rateLimitFailuresCarryTheRequestedDelay() {
        feed("{\"type\":\"response.failed\",\"response\":{\"error\":{\"code\":\"rate_limit_exceeded\","
                + "\"message\":\"Rate limit reached. Please try again in 1.5s. Visit …\"}}}");
        feed("{\"type\":\"response.failed\",\"response\":{\"error\":{\"code\":\"cyber_policy\"}}}");

        assertThat(failures.getFirst().retryDelay()).hasValue(Duration.ofMillis(1500));
        assertThat(failures.get(1).getMessage())
                .isEqualTo("This request has been flagged for possible cybersecurity risk.");
        assertThat(ResponsesDecoder.tryAgainDelay("try again in 20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(ResponsesDecoder.tryAgainDelay("Try again in 3 seconds")).isEqualTo(Duration.ofSeconds(3));
        assertThat(ResponsesDecoder.tryAgainDelay("no hint")).isNull();
    }
}
