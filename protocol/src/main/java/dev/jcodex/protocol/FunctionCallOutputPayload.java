package dev.jcodex.protocol;

import java.util.List;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The {@code output} of a tool call as sent back to the model: either plain text or a list of content items
 * (text and images). On the wire it is a JSON string or a JSON array. {@code success} is tracked for the
 * harness only and never serialised.
 */
@JsonSerialize(using = FunctionCallOutputPayload.Serializer.class)
@JsonDeserialize(using = FunctionCallOutputPayload.Deserializer.class)
public record FunctionCallOutputPayload(String text, List<ContentItem> items, Boolean success) {

    public FunctionCallOutputPayload {
        if ((text == null) == (items == null)) {
            throw new IllegalArgumentException("exactly one of text or items must be set");
        }
        items = items == null ? null : List.copyOf(items);
    }

    /** A successful text output. */
    public static FunctionCallOutputPayload text(String text) {
        return new FunctionCallOutputPayload(Objects.requireNonNull(text), null, Boolean.TRUE);
    }

    /** A failed text output (the model still sees the text). */
    public static FunctionCallOutputPayload failure(String text) {
        return new FunctionCallOutputPayload(Objects.requireNonNull(text), null, Boolean.FALSE);
    }

    /** A content-item output (e.g. an image from {@code view_image}). */
    public static FunctionCallOutputPayload items(List<ContentItem> items) {
        return new FunctionCallOutputPayload(null, items, Boolean.TRUE);
    }

    /** The text of this output; content items are joined with newlines (images skipped). */
    public String asText() {
        if (text != null) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (ContentItem item : items) {
            String t = item.textOrNull();
            if (t != null) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(t);
            }
        }
        return sb.toString();
    }

    static final class Serializer extends ValueSerializer<FunctionCallOutputPayload> {
        @Override
        public void serialize(FunctionCallOutputPayload value, JsonGenerator gen, SerializationContext ctxt) {
            if (value.text() != null) {
                gen.writeString(value.text());
            } else {
                gen.writeStartArray();
                for (ContentItem item : value.items()) {
                    ctxt.writeValue(gen, item);
                }
                gen.writeEndArray();
            }
        }
    }

    static final class Deserializer extends ValueDeserializer<FunctionCallOutputPayload> {
        @Override
        public FunctionCallOutputPayload deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return text(p.getString());
            }
            JavaType type = ctxt.getTypeFactory().constructCollectionType(List.class, ContentItem.class);
            List<ContentItem> items = ctxt.readValue(p, type);
            return items(items);
        }
    }
}
