package dev.jcodex.state;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.io.StringWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Converts rollout lines to and from their JSON text. Stateless and thread-safe. */
final class RolloutCodec {
    private static final System.Logger LOG = System.getLogger(RolloutCodec.class.getName());
    private static final JsonMapper MAPPER = ProtocolJson.mapper();
    private static final ObjectWriter RESPONSE_ITEM_WRITER = MAPPER.writerFor(ResponseItem.class);

    private RolloutCodec() {}

    /** A line that cannot be used: not JSON, not an object, or missing its timestamp, type or payload. */
    static final class CorruptLineException extends Exception {
        CorruptLineException(String message) {
            super(message);
        }

        CorruptLineException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The compact JSON text of {@code line}, without a trailing newline. */
    static String encode(RolloutLine line) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = MAPPER.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("timestamp", line.timestampText());
            if (line.ordinal() != null) {
                gen.writeNumberProperty("ordinal", line.ordinal());
            }
            gen.writeStringProperty("type", line.type());
            gen.writeName("payload");
            switch (line.item()) {
                case SessionMeta m -> MAPPER.writeValue(gen, m);
                case RolloutItem.Response r -> RESPONSE_ITEM_WRITER.writeValue(gen, r.item());
                case RolloutItem.Event e -> MAPPER.writeValue(gen, e.payload());
                case TurnContext t -> MAPPER.writeValue(gen, t);
                case Compacted c -> MAPPER.writeValue(gen, c);
                case RolloutItem.Unknown u -> MAPPER.writeValue(gen, u.payload());
            }
            if (line.metadata() != null) {
                gen.writeName("metadata");
                MAPPER.writeValue(gen, line.metadata());
            }
            gen.writeEndObject();
        }
        return out.toString();
    }

    /** Parses one line of text. */
    static RolloutLine decode(String text) throws CorruptLineException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new CorruptLineException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        return decode(tree);
    }

    /** Converts an already parsed line. */
    static RolloutLine decode(JsonNode tree) throws CorruptLineException {
        if (!(tree instanceof ObjectNode obj)) {
            throw new CorruptLineException("not a JSON object");
        }
        JsonNode ts = obj.get("timestamp");
        JsonNode type = obj.get("type");
        JsonNode payload = obj.get("payload");
        if (ts == null || !ts.isString() || type == null || !type.isString() || payload == null) {
            throw new CorruptLineException("missing timestamp, type or payload");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(ts.asString());
        } catch (DateTimeParseException e) {
            throw new CorruptLineException("bad timestamp '" + ts.asString() + "'", e);
        }
        JsonNode ordinalNode = obj.get("ordinal");
        Long ordinal = ordinalNode != null && ordinalNode.canConvertToLong() && ordinalNode.isIntegralNumber()
                ? ordinalNode.asLong() : null;
        JsonNode metaNode = obj.get("metadata");
        ObjectNode metadata = metaNode instanceof ObjectNode o ? o : null;
        return new RolloutLine(timestamp, ordinal, item(type.asString(), payload), metadata);
    }

    private static RolloutItem item(String type, JsonNode payload) {
        try {
            return switch (type) {
                case RolloutItem.SESSION_META -> MAPPER.treeToValue(payload, SessionMeta.class);
                case RolloutItem.RESPONSE_ITEM -> new RolloutItem.Response(
                        MAPPER.treeToValue(payload, ResponseItem.class));
                case RolloutItem.EVENT_MSG -> payload instanceof ObjectNode o && o.path("type").isString()
                        ? new RolloutItem.Event(o) : unreadable(type, payload, "event without a type");
                case RolloutItem.TURN_CONTEXT -> MAPPER.treeToValue(payload, TurnContext.class);
                case RolloutItem.COMPACTED -> MAPPER.treeToValue(payload, Compacted.class);
                default -> new RolloutItem.Unknown(type, payload);
            };
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return unreadable(type, payload, e.getMessage());
        }
    }

    private static RolloutItem unreadable(String type, JsonNode payload, String why) {
        LOG.log(System.Logger.Level.WARNING, "keeping unreadable {0} line as unknown: {1}", type, why);
        return new RolloutItem.Unknown(type, payload);
    }
}
