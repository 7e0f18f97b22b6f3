package dev.jcodex.core;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.protocol.UserInput;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Conversions between model-visible {@link ResponseItem}s, user input and user-visible {@link TurnItem}s. */
final class TurnItems {
    private TurnItems() {}

    static TurnItem.Reasoning reasoning(ResponseItem.Reasoning r, String id) {
        List<String> summary = new ArrayList<>();
        for (ResponseItem.SummaryText s : r.summary()) {
            summary.add(s.text());
        }
        List<String> raw = new ArrayList<>();
        if (r.content() != null) {
            for (ResponseItem.ReasoningContent c : r.content()) {
                raw.add(c.text());
            }
        }
        return new TurnItem.Reasoning(id, summary, raw);
    }

    static TurnItem.WebSearch webSearch(ResponseItem.WebSearchCall w, String id) {
        JsonNode action = w.action();
        String query = action == null ? "" : action.path("query").asString("");
        return new TurnItem.WebSearch(id, query, action);
    }

    /** The user message the model sees for {@code input} (text parts, then images as {@code input_image}). */
    static ResponseItem.Message userMessage(String id, List<UserInput> input, ImageLoader images) {
        List<ContentItem> content = new ArrayList<>();
        for (UserInput in : input) {
            switch (in) {
                case UserInput.Text t -> content.add(new ContentItem.InputText(t.text()));
                case UserInput.Image i -> content.add(new ContentItem.InputImage(i.url(), null));
                case UserInput.LocalImage l -> content.add(images.load(l.path()));
            }
        }
        return new ResponseItem.Message(id, "user", content, null, null);
    }

    /** Reads a local image into model input (a data URL), or a text note saying why it could not be attached. */
    interface ImageLoader {
        ContentItem load(String path);
    }

    /** All text parts of {@code input}, joined by newlines (for history.jsonl and thread titles). */
    static String text(List<UserInput> input) {
        StringBuilder sb = new StringBuilder();
        for (UserInput in : input) {
            if (in instanceof UserInput.Text t) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(t.text());
            }
        }
        return sb.toString();
    }
}
