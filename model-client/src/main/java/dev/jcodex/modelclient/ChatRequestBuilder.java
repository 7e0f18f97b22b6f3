package dev.jcodex.modelclient;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a {@link ResponsesRequest} into a Chat Completions body ({@code wire_api = "chat"}): instructions
 * become a system message, {@code developer} messages become {@code system}, consecutive tool calls are grouped
 * into one assistant message with {@code tool_calls}, tool outputs become {@code tool} messages, reasoning is
 * attached to the next assistant message as {@code reasoning}. Function tools are converted to the nested chat
 * shape; custom (freeform) tools become function tools taking one string parameter {@code input}.
 */
final class ChatRequestBuilder {
    private static final System.Logger LOG = System.getLogger(ChatRequestBuilder.class.getName());

    /** The body and the names of tools that were custom (their calls come back as custom tool calls). */
    record ChatBody(ObjectNode body, Set<String> customToolNames) {}

    private final List<ObjectNode> messages = new ArrayList<>();
    private String pendingReasoning;
    private boolean lastIsOpenToolCallMessage;

    private ChatRequestBuilder() {}

    static ChatBody build(ResponsesRequest request) {
        ChatRequestBuilder b = new ChatRequestBuilder();
        if (request.instructions() != null && !request.instructions().isEmpty()) {
            b.messages.add(obj().put("role", "system").put("content", request.instructions()));
        }
        request.input().forEach(b::add);
        ObjectNode body = obj().put("model", request.model());
        ArrayNode msgs = body.putArray("messages");
        b.messages.forEach(msgs::add);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        Set<String> customNames = new LinkedHashSet<>();
        ArrayNode tools = convertTools(request.tools() == null ? List.of() : request.tools(), customNames);
        if (!tools.isEmpty()) {
            body.set("tools", tools);
            body.put("tool_choice", request.toolChoice());
            body.put("parallel_tool_calls", request.parallelToolCalls());
        }
        if (request.text() != null && request.text().format() != null) {
            ResponsesRequest.OutputFormat f = request.text().format();
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema")
                    .putObject("json_schema").put("name", f.name()).put("strict", f.strict());
            schema.set("schema", f.schema());
        }
        return new ChatBody(body, Set.copyOf(customNames));
    }

    private void add(ResponseItem item) {
        switch (item) {
            case ResponseItem.Message m -> message(m);
            case ResponseItem.Reasoning r -> reasoning(r);
            case ResponseItem.FunctionCall f -> toolCall(f.callId(), f.name(), f.arguments());
            case ResponseItem.CustomToolCall c -> toolCall(c.callId(), c.name(),
                    ProtocolJson.write(obj().put("input", c.input())));
            case ResponseItem.LocalShellCall s -> toolCall(s.callId(), "local_shell",
                    s.action() == null ? "{}" : ProtocolJson.write(s.action()));
            case ResponseItem.FunctionCallOutput o -> toolOutput(o.callId(), o.output().asText());
            case ResponseItem.CustomToolCallOutput o -> toolOutput(o.callId(), o.output().asText());
            case ResponseItem.WebSearchCall w -> LOG.log(System.Logger.Level.DEBUG, "chat: dropping web_search_call");
            case ResponseItem.Compaction c -> LOG.log(System.Logger.Level.DEBUG, "chat: dropping compaction item");
            case ResponseItem.Other o -> LOG.log(System.Logger.Level.DEBUG, "chat: dropping unknown item");
        }
    }

    private void message(ResponseItem.Message m) {
        String role = "developer".equals(m.role()) ? "system" : m.role();
        ObjectNode msg = obj().put("role", role);
        boolean hasImage = m.content().stream().anyMatch(c -> c instanceof ContentItem.InputImage);
        if (hasImage) {
            ArrayNode parts = msg.putArray("content");
            for (ContentItem c : m.content()) {
                switch (c) {
                    case ContentItem.InputImage img -> parts.addObject().put("type", "image_url")
                            .putObject("image_url").put("url", img.imageUrl());
                    case ContentItem.InputText t -> parts.addObject().put("type", "text").put("text", t.text());
                    case ContentItem.OutputText t -> parts.addObject().put("type", "text").put("text", t.text());
                }
            }
        } else {
            msg.put("content", m.joinedText());
        }
        if ("assistant".equals(role)) {
            attachReasoning(msg);
        }
        messages.add(msg);
        lastIsOpenToolCallMessage = "assistant".equals(role);
    }

    private void reasoning(ResponseItem.Reasoning r) {
        StringBuilder sb = new StringBuilder();
        r.summary().forEach(s -> append(sb, s.text()));
        if (r.content() != null) {
            r.content().forEach(c -> append(sb, c.text()));
        }
        if (!sb.isEmpty()) {
            pendingReasoning = pendingReasoning == null ? sb.toString() : pendingReasoning + "\n" + sb;
        }
    }

    private static void append(StringBuilder sb, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append('\n');
        }
        sb.append(text);
    }

    private void toolCall(String callId, String name, String arguments) {
        ObjectNode target;
        if (lastIsOpenToolCallMessage) {
            target = messages.getLast();
        } else {
            target = obj().put("role", "assistant");
            target.putNull("content");
            attachReasoning(target);
            messages.add(target);
            lastIsOpenToolCallMessage = true;
        }
        ArrayNode calls = target.has("tool_calls") ? (ArrayNode) target.get("tool_calls") : target.putArray("tool_calls");
        ObjectNode call = calls.addObject().put("id", callId).put("type", "function");
        call.putObject("function").put("name", name).put("arguments", arguments == null ? "" : arguments);
    }

    private void toolOutput(String callId, String text) {
        messages.add(obj().put("role", "tool").put("tool_call_id", callId).put("content", text));
        lastIsOpenToolCallMessage = false;
    }

    private void attachReasoning(ObjectNode assistantMessage) {
        if (pendingReasoning != null) {
            assistantMessage.put("reasoning", pendingReasoning);
            pendingReasoning = null;
        }
    }

    static ArrayNode convertTools(List<JsonNode> tools, Set<String> customNames) {
        ArrayNode out = ProtocolJson.mapper().createArrayNode();
        for (JsonNode tool : tools) {
            String type = JsonFields.text(tool, "type");
            String name = JsonFields.text(tool, "name");
            if (name == null) {
                LOG.log(System.Logger.Level.DEBUG, "chat: dropping tool of type {0}", type);
                continue;
            }
            if ("function".equals(type)) {
                ObjectNode fn = out.addObject().put("type", "function").putObject("function").put("name", name);
                copy(tool, fn, "description");
                fn.set("parameters", tool.has("parameters") ? tool.get("parameters")
                        : obj().put("type", "object").set("properties", obj()));
                copy(tool, fn, "strict");
            } else if ("custom".equals(type)) {
                customNames.add(name);
                ObjectNode fn = out.addObject().put("type", "function").putObject("function").put("name", name);
                fn.put("description", customDescription(tool));
                ObjectNode params = fn.putObject("parameters").put("type", "object");
                params.putObject("properties").putObject("input").put("type", "string")
                        .put("description", "The raw input of the tool.");
                params.putArray("required").add("input");
                params.put("additionalProperties", false);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "chat: dropping tool {0} of type {1}", name, type);
            }
        }
        return out;
    }

    private static String customDescription(JsonNode tool) {
        String description = JsonFields.text(tool, "description");
        StringBuilder sb = new StringBuilder(description == null ? "" : description);
        JsonNode format = JsonFields.object(tool, "format");
        String definition = JsonFields.text(format, "definition");
        if (definition != null) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append("The input must follow this ").append(JsonFields.text(format, "syntax")).append(" grammar:\n")
                    .append(definition);
        }
        return sb.toString();
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    private static ObjectNode obj() {
        return ProtocolJson.mapper().createObjectNode();
    }
}
