package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** One part of a message's content on the Responses wire ({@code input_text}, {@code input_image}, {@code output_text}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ContentItem.InputText.class),
        @JsonSubTypes.Type(ContentItem.InputImage.class),
        @JsonSubTypes.Type(ContentItem.OutputText.class)})
public sealed interface ContentItem {

    /** Text the user (or harness) supplies. */
    @JsonTypeName("input_text")
    record InputText(@JsonProperty("text") String text) implements ContentItem {}

    /** An image, as a URL or a {@code data:} URL; {@code detail} is optional. */
    @JsonTypeName("input_image")
    record InputImage(@JsonProperty("image_url") String imageUrl, @JsonProperty("detail") String detail)
            implements ContentItem {}

    /** Text the model produced. */
    @JsonTypeName("output_text")
    record OutputText(@JsonProperty("text") String text) implements ContentItem {}

    /** The text of this part, or {@code null} for images. */
    default String textOrNull() {
        return switch (this) {
            case InputText t -> t.text();
            case OutputText t -> t.text();
            case InputImage i -> null;
        };
    }
}
