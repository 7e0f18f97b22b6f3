package dev.jcodex.modelclient;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Maps Responses API SSE events to {@link ResponseEvent}s (spec §3.5). {@code response.completed} is held until
 * the body ends: a stream is complete only after both.
 */
final class ResponsesDecoder implements StreamDecoder {
    private static final System.Logger LOG = System.getLogger(ResponsesDecoder.class.getName());
    private static final Pattern TRY_AGAIN =
            Pattern.compile("(?i)try again in\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|seconds?)\\b");

    private ResponseEvent.Completed completed;

    @Override
    public void onEvent(SseParser.SseEvent sse, EventSink sink) {
        JsonNode event;
        try {
            event = ProtocolJson.tree(sse.data());
        } catch (JacksonException e) {
            LOG.log(System.Logger.Level.DEBUG, "skipping unparseable SSE data: {0}", e.getOriginalMessage());
            return;
        }
        if (!event.isObject()) {
            LOG.log(System.Logger.Level.DEBUG, "skipping non-object SSE data");
            return;
        }
        String type = JsonFields.text(event, "type");
        if (type == null) {
            type = sse.event();
        }
        switch (type) {
            case "response.created" -> {
                if (JsonFields.object(event, "response") != null) {
                    sink.emit(new ResponseEvent.Created());
                }
            }
            case "response.output_item.added" -> item(event).ifPresent(i -> sink.emit(new ResponseEvent.OutputItemAdded(i)));
            case "response.output_item.done" -> item(event).ifPresent(i -> sink.emit(new ResponseEvent.OutputItemDone(i)));
            case "response.output_text.delta" -> {
                String delta = JsonFields.text(event, "delta");
                if (delta != null) {
                    sink.emit(new ResponseEvent.OutputTextDelta(JsonFields.text(event, "item_id"), delta));
                }
            }
            case "response.reasoning_summary_text.delta" -> {
                String delta = JsonFields.text(event, "delta");
                int index = JsonFields.integer(event, "summary_index", -1);
                if (delta != null && index >= 0) {
                    sink.emit(new ResponseEvent.ReasoningSummaryDelta(JsonFields.text(event, "item_id"), index, delta));
                }
            }
            case "response.reasoning_summary_part.added" -> {
                int index = JsonFields.integer(event, "summary_index", -1);
                if (index >= 0) {
                    sink.emit(new ResponseEvent.ReasoningSummaryPartAdded(JsonFields.text(event, "item_id"), index));
                }
            }
            case "response.reasoning_text.delta" -> {
                String delta = JsonFields.text(event, "delta");
                int index = JsonFields.integer(event, "content_index", -1);
                if (delta != null && index >= 0) {
                    sink.emit(new ResponseEvent.ReasoningContentDelta(JsonFields.text(event, "item_id"), index, delta));
                }
            }
            case "response.custom_tool_call_input.delta" -> {
                String delta = JsonFields.text(event, "delta");
                if (delta != null) {
                    sink.emit(new ResponseEvent.CustomToolCallInputDelta(JsonFields.text(event, "item_id"),
                            JsonFields.text(event, "call_id"), delta));
                }
            }
            case "response.completed" -> {
                JsonNode response = JsonFields.object(event, "response");
                if (response != null) {
                    completed = new ResponseEvent.Completed(JsonFields.text(response, "id"),
                            usage(JsonFields.object(response, "usage")));
                }
            }
            case "response.failed" -> sink.fail(failed(JsonFields.object(event, "response")));
            case "response.incomplete" -> {
                JsonNode details = JsonFields.object(JsonFields.object(event, "response"), "incomplete_details");
                String reason = JsonFields.text(details, "reason");
                sink.fail(new ModelClientException.StreamFailed("Incomplete response returned, reason: "
                        + (reason == null ? "unknown" : reason), null, null));
            }
            default -> LOG.log(System.Logger.Level.TRACE, "ignoring SSE event {0}", type);
        }
    }

    @Override
    public void onEnd(EventSink sink) {
        if (completed != null) {
            sink.emit(completed);
        } else {
            sink.fail(StreamDecoder.closedEarly());
        }
    }

    private static Optional<ResponseItem> item(JsonNode event) {
        JsonNode item = JsonFields.object(event, "item");
        if (item == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProtocolJson.mapper().treeToValue(item, ResponseItem.class));
        } catch (JacksonException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "skipping unreadable output item: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Maps {@code usage} of {@code response.completed}; null when absent. */
    static TokenUsage usage(JsonNode usage) {
        if (usage == null) {
            return null;
        }
        long input = JsonFields.number(usage, "input_tokens");
        long output = JsonFields.number(usage, "output_tokens");
        long cached = JsonFields.number(JsonFields.object(usage, "input_tokens_details"), "cached_tokens");
        long reasoning = JsonFields.number(JsonFields.object(usage, "output_tokens_details"), "reasoning_tokens");
        long total = usage.has("total_tokens") ? JsonFields.number(usage, "total_tokens") : input + output;
        return new TokenUsage(input, cached, 0, output, reasoning, total);
    }

    /** Maps the {@code error} of a failed response (shared with the chat decoder). */
    static ModelClientException failed(JsonNode response) {
        JsonNode error = JsonFields.object(response, "error");
        String code = JsonFields.text(error, "code");
        String message = JsonFields.text(error, "message");
        if (code == null) {
            code = "";
        }
        return switch (code) {
            case "context_length_exceeded" -> new ModelClientException.ContextWindowExceeded();
            case "insufficient_quota" -> new ModelClientException.QuotaExceeded();
            case "usage_not_included" -> new ModelClientException.UsageNotIncluded();
            case "cyber_policy" -> new ModelClientException.CyberPolicy(message);
            case "invalid_prompt" -> new ModelClientException.InvalidRequest(
                    message == null ? "Invalid request." : message);
            case "server_is_overloaded", "slow_down" -> new ModelClientException.ServerOverloaded();
            default -> new ModelClientException.StreamFailed(
                    message == null ? "response.failed event received" : message,
                    "rate_limit_exceeded".equals(code) ? tryAgainDelay(message) : null, null);
        };
    }

    /** Parses "try again in 1.5s" / "in 20ms" / "in 3 seconds"; null when absent. */
    static Duration tryAgainDelay(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = TRY_AGAIN.matcher(message);
        if (!m.find()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        return m.group(2).equalsIgnoreCase("ms") ? Duration.ofNanos((long) (value * 1_000_000))
                : Duration.ofNanos((long) (value * 1_000_000_000L));
    }
}
