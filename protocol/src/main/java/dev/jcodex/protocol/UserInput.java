package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** What a user submits: text, a remote image URL or a local image file. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(UserInput.Text.class),
        @JsonSubTypes.Type(UserInput.Image.class),
        @JsonSubTypes.Type(UserInput.LocalImage.class)})
public sealed interface UserInput {

    @JsonTypeName("text")
    record Text(@JsonProperty("text") String text) implements UserInput {}

    @JsonTypeName("image")
    record Image(@JsonProperty("url") String url) implements UserInput {}

    @JsonTypeName("local_image")
    record LocalImage(@JsonProperty("path") String path) implements UserInput {}
}
