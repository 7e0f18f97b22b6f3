package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The client's result for {@code item/tool/requestUserInput}: answers keyed by question id. */
public record ToolRequestUserInputResponse(@JsonProperty("answers") Map<String, Answer> answers) {

    public ToolRequestUserInputResponse {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    /** The answers to one question (several for multi-select). */
    public record Answer(@JsonProperty("answers") List<String> answers) {}
}
