package dev.jcodex.appserver.protocol;

import dev.jcodex.protocol.ProtocolJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Tree conversions with the shared {@link ProtocolJson} mapper and errors that name what was being read. */
final class WireJson {
    private WireJson() {}

    static JsonNode toTree(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return ProtocolJson.mapper().valueToTree(value);
    }

    static <T> T convert(JsonNode node, Class<T> type, String what) {
        try {
            return ProtocolJson.mapper().treeToValue(node, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new AppServerProtocolException("invalid " + type.getSimpleName() + " in " + what + ": "
                    + (e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage()), e);
        }
    }
}
