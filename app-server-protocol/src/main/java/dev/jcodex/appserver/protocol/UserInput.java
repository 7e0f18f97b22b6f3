package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What a user sends in {@code turn/start} (tag {@code type}, camelCase). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(UserInput.Text.class),
        @JsonSubTypes.Type(UserInput.Image.class),
        @JsonSubTypes.Type(UserInput.LocalImage.class),
        @JsonSubTypes.Type(UserInput.Skill.class),
        @JsonSubTypes.Type(UserInput.Mention.class)})
public sealed interface UserInput {

    /** Text; {@code text_elements} (UI element ranges) is omitted when null. */
    @JsonTypeName("text")
    record Text(@JsonProperty("text") String text, @JsonProperty("text_elements") List<JsonNode> textElements)
            implements UserInput {
        /** Plain text without UI element ranges. */
        public static Text of(String text) {
            return new Text(text, null);
        }
    }

    /** A remote image (or data URL). */
    @JsonTypeName("image")
    record Image(@JsonProperty("url") String url) implements UserInput {}

    /** An image file on the local disk. */
    @JsonTypeName("localImage")
    record LocalImage(@JsonProperty("path") String path) implements UserInput {}

    /** A skill to use. */
    @JsonTypeName("skill")
    record Skill(@JsonProperty("name") String name, @JsonProperty("path") String path) implements UserInput {}

    /** A mention of an app ({@code app://<id>}) or plugin ({@code plugin://<name>@<marketplace>}). */
    @JsonTypeName("mention")
    record Mention(@JsonProperty("name") String name, @JsonProperty("path") String path) implements UserInput {}
}
