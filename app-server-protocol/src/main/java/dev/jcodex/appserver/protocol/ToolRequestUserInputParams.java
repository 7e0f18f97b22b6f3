package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Params of the server request {@code item/tool/requestUserInput}. */
public record ToolRequestUserInputParams(
        @JsonProperty("threadId") String threadId,
        @JsonProperty("turnId") String turnId,
        @JsonProperty("itemId") String itemId,
        @JsonProperty("questions") List<ToolRequestUserInputQuestion> questions) {

    public ToolRequestUserInputParams {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
