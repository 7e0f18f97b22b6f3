package dev.jcodex.core.tools;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.FunctionCallOutputPayload;
import java.util.List;

/**
 * What a tool returns to the model. A failure is still model-visible (the model reads the text and reacts);
 * only exceptions that must end the turn are thrown instead (e.g. {@link TurnAbortedException}).
 */
public sealed interface ToolResult {

    /** Text output; {@code success=false} marks failures (not sent on the wire, kept for events). */
    record Text(String text, boolean success) implements ToolResult {}

    /** Content items (text and images), e.g. from {@code view_image}. */
    record Items(List<ContentItem> items) implements ToolResult {}

    static ToolResult ok(String text) {
        return new Text(text, true);
    }

    static ToolResult failure(String text) {
        return new Text(text, false);
    }

    /** The wire payload. */
    default FunctionCallOutputPayload payload() {
        return switch (this) {
            case Text t -> t.success() ? FunctionCallOutputPayload.text(t.text()) : FunctionCallOutputPayload.failure(t.text());
            case Items i -> FunctionCallOutputPayload.items(i.items());
        };
    }
}
