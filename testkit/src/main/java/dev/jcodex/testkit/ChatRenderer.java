package dev.jcodex.testkit;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link MockResponse.Stream} as Chat Completions {@code chat.completion.chunk} data lines: content
 * deltas, {@code reasoning} (summary) / {@code reasoning_content} (raw content) deltas, {@code delta.tool_calls}
 * (id + name first, then argument fragments when chunked), a finish chunk, a usage chunk and {@code [DONE]}.
 */
final class ChatRenderer {
    private final MockResponse.Stream script;
    private final String responseId;
    private final long created = System.currentTimeMillis() / 1000;
    private final List<Wire> out = new ArrayList<>();

    private ChatRenderer(MockResponse.Stream script, String responseId) {
        this.script = script;
        this.responseId = responseId;
    }

    static List<Wire> render(MockResponse.Stream script, String responseId) {
        ChatRenderer r = new ChatRenderer(script, responseId);
        r.renderAll();
        return r.out;
    }

    private void renderAll() {
        String finish = "stop";
        int toolIndex = 0;
        emit(chunk(obj().put("role", "assistant").put("content", ""), null));
        for (SseStep step : script.steps()) {
            switch (step) {
                case SseStep.Message m -> m.chunks().forEach(piece -> emit(chunk(obj().put("content", piece), null)));
                case SseStep.Reasoning r -> {
                    r.summary().forEach(s -> emit(chunk(obj().put("reasoning", s), null)));
                    r.content().forEach(c -> emit(chunk(obj().put("reasoning_content", c), null)));
                }
                case SseStep.FunctionCall f -> {
                    toolCall(toolIndex++, f.callId(), f.name(), f.arguments(), f.argumentChunks());
                    finish = "tool_calls";
                }
                case SseStep.CustomToolCall c -> {
                    String args = Wire.JSON.writeValueAsString(obj().put("input", c.input()));
                    toolCall(toolIndex++, c.callId(), c.name(), args, 1);
                    finish = "tool_calls";
                }
                case SseStep.Failed f -> {
                    ObjectNode error = obj().put("message", f.message()).put("code", f.code());
                    out.add(Wire.Frame.data(Wire.JSON.writeValueAsString(obj().set("error", error))));
                }
                case SseStep.Incomplete i -> finish = "length";
                case SseStep.RawEvent e -> out.add(Wire.Frame.data(e.json()));
                case SseStep.RawBytes b -> out.add(new Wire.Frame(b.bytes()));
                case SseStep.Sleep s -> out.add(new Wire.Pause(s.duration()));
                case SseStep.Disconnect d -> out.add(new Wire.Drop());
                case SseStep.Stall s -> out.add(new Wire.Hang());
            }
        }
        if (!script.envelope()) {
            return;
        }
        emit(chunk(obj(), finish));
        JsonNode usage = Wire.JSON.readTree(script.usageJson());
        ObjectNode chatUsage = obj().put("prompt_tokens", usage.path("input_tokens").asLong())
                .put("completion_tokens", usage.path("output_tokens").asLong())
                .put("total_tokens", usage.path("total_tokens").asLong());
        chatUsage.set("prompt_tokens_details",
                obj().put("cached_tokens", usage.path("input_tokens_details").path("cached_tokens").asLong()));
        chatUsage.set("completion_tokens_details", obj().put("reasoning_tokens",
                usage.path("output_tokens_details").path("reasoning_tokens").asLong()));
        ObjectNode last = envelope();
        last.putArray("choices");
        last.set("usage", chatUsage);
        emit(last);
        out.add(Wire.Frame.data("[DONE]"));
    }

    private void toolCall(int index, String callId, String name, String arguments, int chunks) {
        if (chunks > 1) {
            ObjectNode head = obj().put("index", index).put("id", callId).put("type", "function");
            head.set("function", obj().put("name", name).put("arguments", ""));
            emit(chunk(toolCalls(head), null));
            for (String piece : MockResponse.StreamBuilder.splitChunks(arguments, chunks)) {
                ObjectNode frag = obj().put("index", index);
                frag.set("function", obj().put("arguments", piece));
                emit(chunk(toolCalls(frag), null));
            }
        } else {
            ObjectNode call = obj().put("index", index).put("id", callId).put("type", "function");
            call.set("function", obj().put("name", name).put("arguments", arguments));
            emit(chunk(toolCalls(call), null));
        }
    }

    private static ObjectNode toolCalls(ObjectNode call) {
        ObjectNode delta = obj();
        delta.putArray("tool_calls").add(call);
        return delta;
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode c = envelope();
        ArrayNode choices = c.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return c;
    }

    private ObjectNode envelope() {
        return obj().put("id", responseId).put("object", "chat.completion.chunk").put("created", created)
                .put("model", script.model());
    }

    private void emit(ObjectNode chunk) {
        out.add(Wire.Frame.data(Wire.JSON.writeValueAsString(chunk)));
    }

    private static ObjectNode obj() {
        return Wire.JSON.createObjectNode();
    }
}
