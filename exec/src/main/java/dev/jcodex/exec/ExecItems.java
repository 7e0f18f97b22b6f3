package dev.jcodex.exec;

import dev.jcodex.appserver.protocol.CommandExecutionStatus;
import dev.jcodex.appserver.protocol.FileUpdateChange;
import dev.jcodex.appserver.protocol.McpToolCallStatus;
import dev.jcodex.appserver.protocol.PatchApplyStatus;
import dev.jcodex.appserver.protocol.PatchChangeKind;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.protocol.ExecItem;
import dev.jcodex.protocol.ThreadEvent;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Field conversions from v2 items to the exec JSONL item shapes (snake_case statuses and kinds). */
final class ExecItems {
    private ExecItems() {}

    static String status(CommandExecutionStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "in_progress";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case DECLINED -> "declined";
        };
    }

    /** Exec has no {@code declined} patch status: a declined patch is {@code failed}. */
    static String status(PatchApplyStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "in_progress";
            case COMPLETED -> "completed";
            case FAILED, DECLINED -> "failed";
        };
    }

    static String status(McpToolCallStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "in_progress";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }

    static List<ExecItem.PathChange> changes(List<FileUpdateChange> changes) {
        return changes.stream().map(c -> new ExecItem.PathChange(c.path(), kind(c.kind()))).toList();
    }

    private static String kind(PatchChangeKind kind) {
        return switch (kind) {
            case PatchChangeKind.Add a -> "add";
            case PatchChangeKind.Delete d -> "delete";
            case PatchChangeKind.Update u -> "update";
        };
    }

    /** {@code result} becomes {@code {"content": […], "structured_content": …}}; {@code error} keeps its message. */
    static ExecItem.McpToolCall mcpToolCall(String id, ThreadItem.McpToolCall call) {
        ObjectNode result = null;
        if (call.result() != null) {
            result = JsonNodeFactory.instance.objectNode();
            var content = result.putArray("content");
            if (call.result().content() != null) {
                call.result().content().forEach(content::add);
            }
            result.set("structured_content", call.result().structuredContent() == null
                    ? JsonNodeFactory.instance.nullNode() : call.result().structuredContent());
        }
        JsonNode arguments = call.arguments() == null ? JsonNodeFactory.instance.nullNode() : call.arguments();
        ThreadEvent.ErrorBody error = call.error() == null ? null : new ThreadEvent.ErrorBody(call.error().message());
        return new ExecItem.McpToolCall(id, call.server(), call.tool(), arguments, result, error, status(call.status()));
    }

    /** The v2 action ({@code openPage}, {@code findInPage}, …) in exec's snake_case form; absent → {@code other}. */
    static JsonNode webSearchAction(JsonNode action) {
        if (action == null || !action.isObject() || !action.path("type").isString()) {
            return JsonNodeFactory.instance.objectNode().put("type", "other");
        }
        ObjectNode copy = ((ObjectNode) action).deepCopy();
        copy.put("type", snake(action.get("type").stringValue()));
        return copy;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
