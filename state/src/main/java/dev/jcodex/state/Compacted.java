package dev.jcodex.state;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.ResponseItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A {@code compacted} line: the summary of a compaction and, for current writers, the complete history that
 * replaced everything before it. Legacy lines without {@code replacement_history} are rebuilt as
 * {@code [recent real user messages…, summary]} on resume (spec §11).
 *
 * @param message the summary text (with the summary prefix)
 * @param replacementHistory the history that replaced the earlier one, or {@code null} for a legacy line
 * @param extra members not modelled here (e.g. {@code window_id})
 */
public record Compacted(
        @JsonProperty("message") String message,
        @JsonProperty("replacement_history") List<ResponseItem> replacementHistory,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements RolloutItem {

    public Compacted {
        message = message == null ? "" : message;
        replacementHistory = replacementHistory == null ? null : List.copyOf(replacementHistory);
        extra = Extras.copy(extra);
    }

    /** A compaction with its replacement history. */
    public static Compacted of(String message, List<ResponseItem> replacementHistory) {
        return new Compacted(message, Objects.requireNonNull(replacementHistory, "replacementHistory"), Map.of());
    }

    /** A legacy compaction that carries only the summary. */
    public static Compacted legacy(String message) {
        return new Compacted(message, null, Map.of());
    }
}
