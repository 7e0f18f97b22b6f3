package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One question of {@code item/tool/requestUserInput}; {@code options} is null for free-text questions,
 * {@code isOther} adds a free-text "other" choice, {@code isSecret} hides the typed answer.
 */
public record ToolRequestUserInputQuestion(
        @JsonProperty("id") String id,
        @JsonProperty("header") String header,
        @JsonProperty("question") String question,
        @JsonProperty("isOther") Boolean isOther,
        @JsonProperty("isSecret") Boolean isSecret,
        @JsonProperty("options") List<Option> options) {

    /** A choice. */
    public record Option(@JsonProperty("label") String label, @JsonProperty("description") String description) {}
}
