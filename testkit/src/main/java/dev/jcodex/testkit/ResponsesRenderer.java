package dev.jcodex.testkit;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a {@link MockResponse.Stream} as Responses API SSE events, as the conformance mock does. */
final class ResponsesRenderer {
    private final MockResponse.Stream script;
    private final String responseId;
    private final List<Wire> out = new ArrayList<>();
    private final ArrayNode outputItems = Wire.JSON.createArrayNode();
    private int outputIndex;

    private ResponsesRenderer(MockResponse.Stream script, String responseId) {
        this.script = script;
        this.responseId = responseId;
    }

    static List<Wire> render(MockResponse.Stream script, String responseId) {
        ResponsesRenderer r = new ResponsesRenderer(script, responseId);
        r.renderAll();
        return r.out;
    }

    private void renderAll() {
        boolean complete = script.envelope();
        if (script.envelope()) {
            ObjectNode response = obj().put("id", responseId).put("object", "response")
                    .put("status", "in_progress").put("model", script.model());
            emit(event("response.created").set("response", response));
        }
        for (SseStep step : script.steps()) {
            switch (step) {
                case SseStep.Message m -> message(m);
                case SseStep.Reasoning r -> reasoning(r);
                case SseStep.FunctionCall f -> functionCall(f);
                case SseStep.CustomToolCall c -> customToolCall(c);
                case SseStep.Failed f -> {
                    complete = false;
                    ObjectNode error = obj().put("code", f.code()).put("message", f.message());
                    ObjectNode response = obj().put("id", responseId).put("status", "failed");
                    response.set("error", error);
                    emit(event("response.failed").set("response", response));
                }
                case SseStep.Incomplete i -> {
                    complete = false;
                    ObjectNode response = obj().put("id", responseId).put("status", "incomplete");
                    response.set("incomplete_details", obj().put("reason", i.reason()));
                    emit(event("response.incomplete").set("response", response));
                }
                case SseStep.RawEvent e -> emit((ObjectNode) Wire.JSON.readTree(e.json()));
                case SseStep.RawBytes b -> out.add(new Wire.Frame(b.bytes()));
                case SseStep.Sleep s -> out.add(new Wire.Pause(s.duration()));
                case SseStep.Disconnect d -> out.add(new Wire.Drop());
                case SseStep.Stall s -> out.add(new Wire.Hang());
            }
        }
        if (complete) {
            ObjectNode response = obj().put("id", responseId).put("object", "response").put("status", "completed")
                    .put("model", script.model());
            response.set("output", outputItems);
            response.set("usage", Wire.JSON.readTree(script.usageJson()));
            emit(event("response.completed").set("response", response));
        }
    }

    private void message(SseStep.Message m) {
        int index = outputIndex++;
        ObjectNode base = obj().put("type", "message").put("role", "assistant").put("id", m.id());
        if (m.phase() != null) {
            base.put("phase", m.phase());
        }
        ObjectNode added = base.deepCopy().put("status", "in_progress");
        added.putArray("content");
        emit(itemEvent("response.output_item.added", index, added));
        ObjectNode part = obj().put("type", "output_text").put("text", "");
        part.putArray("annotations");
        emit(event("response.content_part.added").put("item_id", m.id()).put("output_index", index)
                .put("content_index", 0).set("part", part));
        for (String piece : m.chunks()) {
            emit(event("response.output_text.delta").put("item_id", m.id()).put("output_index", index)
                    .put("content_index", 0).put("delta", piece));
        }
        emit(event("response.output_text.done").put("item_id", m.id()).put("output_index", index)
                .put("content_index", 0).put("text", m.text()));
        ObjectNode done = base.deepCopy().put("status", "completed");
        ObjectNode text = done.putArray("content").addObject().put("type", "output_text").put("text", m.text());
        text.putArray("annotations");
        done(index, done);
    }

    private void reasoning(SseStep.Reasoning r) {
        int index = outputIndex++;
        ObjectNode added = obj().put("type", "reasoning").put("id", r.id());
        added.putArray("summary");
        emit(itemEvent("response.output_item.added", index, added));
        for (int i = 0; i < r.summary().size(); i++) {
            String s = r.summary().get(i);
            emit(event("response.reasoning_summary_part.added").put("item_id", r.id()).put("output_index", index)
                    .put("summary_index", i).set("part", obj().put("type", "summary_text").put("text", "")));
            emit(event("response.reasoning_summary_text.delta").put("item_id", r.id()).put("output_index", index)
                    .put("summary_index", i).put("delta", s));
            emit(event("response.reasoning_summary_text.done").put("item_id", r.id()).put("output_index", index)
                    .put("summary_index", i).put("text", s));
        }
        ObjectNode done = obj().put("type", "reasoning").put("id", r.id());
        ArrayNode summary = done.putArray("summary");
        r.summary().forEach(s -> summary.addObject().put("type", "summary_text").put("text", s));
        done.put("encrypted_content", r.encryptedContent());
        if (!r.content().isEmpty()) {
            ArrayNode content = done.putArray("content");
            for (int i = 0; i < r.content().size(); i++) {
                String c = r.content().get(i);
                emit(event("response.reasoning_text.delta").put("item_id", r.id()).put("output_index", index)
                        .put("content_index", i).put("delta", c));
                content.addObject().put("type", "reasoning_text").put("text", c);
            }
        }
        done(index, done);
    }

    private void functionCall(SseStep.FunctionCall f) {
        int index = outputIndex++;
        ObjectNode item = obj().put("type", "function_call").put("id", f.id()).put("call_id", f.callId())
                .put("name", f.name()).put("arguments", f.arguments());
        emit(itemEvent("response.output_item.added", index,
                item.deepCopy().put("arguments", "").put("status", "in_progress")));
        emit(event("response.function_call_arguments.delta").put("item_id", f.id()).put("output_index", index)
                .put("delta", f.arguments()));
        emit(event("response.function_call_arguments.done").put("item_id", f.id()).put("output_index", index)
                .put("arguments", f.arguments()));
        done(index, item.put("status", "completed"));
    }

    private void customToolCall(SseStep.CustomToolCall c) {
        int index = outputIndex++;
        ObjectNode item = obj().put("type", "custom_tool_call").put("id", c.id()).put("call_id", c.callId())
                .put("name", c.name()).put("input", c.input());
        emit(itemEvent("response.output_item.added", index,
                item.deepCopy().put("input", "").put("status", "in_progress")));
        emit(event("response.custom_tool_call_input.delta").put("item_id", c.id()).put("call_id", c.callId())
                .put("output_index", index).put("delta", c.input()));
        emit(event("response.custom_tool_call_input.done").put("item_id", c.id()).put("output_index", index)
                .put("input", c.input()));
        done(index, item.put("status", "completed"));
    }

    private void done(int index, ObjectNode item) {
        emit(itemEvent("response.output_item.done", index, item));
        outputItems.add(item);
    }

    private static ObjectNode itemEvent(String type, int index, JsonNode item) {
        return event(type).put("output_index", index).set("item", item);
    }

    private static ObjectNode event(String type) {
        return obj().put("type", type);
    }

    private static ObjectNode obj() {
        return Wire.JSON.createObjectNode();
    }

    private void emit(ObjectNode event) {
        out.add(Wire.Frame.responsesEvent(event));
    }
}
