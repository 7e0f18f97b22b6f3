package dev.jcodex.state;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Converts rollout lines to and from their JSON text. Stateless and thread-safe. */
final class RolloutCodec {
    private static final System.Logger LOG = System.getLogger(RolloutCodec.class.getName());
    private static final JsonMapper MAPPER = ProtocolJson.mapper();
    private static final ObjectWriter RESPONSE_ITEM_WRITER = MAPPER.writerFor(ResponseItem.class);

    /**
     * Streaming readers stop at the end of the payload value; the rest of the line is read afterwards. Built on
     * first decode, not with the writer: building them costs ~25 ms on a cold JVM, and a new thread only writes.
     */
    private static final class Readers {
        static final ObjectReader RESPONSE_ITEM = embedded(ResponseItem.class);
        static final ObjectReader SESSION_META = embedded(SessionMeta.class);
        static final ObjectReader TURN_CONTEXT = embedded(TurnContext.class);
        static final ObjectReader COMPACTED = embedded(Compacted.class);
        static final ObjectReader TREE = embedded(JsonNode.class);

        private static ObjectReader embedded(Class<?> type) {
            return MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        }
    }

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
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Parses one line straight from UTF-8 bytes. The common layout ({@code type} before {@code payload}) binds
     * the payload while streaming, without an intermediate tree; anything unusual takes the tree path.
     */
    static RolloutLine decode(byte[] bytes, int offset, int length) throws CorruptLineException {
        try (JsonParser p = MAPPER.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CorruptLineException("not a JSON object");
            }
            String timestamp = null;
            String type = null;
            Long ordinal = null;
            RolloutItem item = null;
            ObjectNode metadata = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "timestamp" -> timestamp = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "ordinal" -> ordinal = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                    case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "payload" -> {
                        if (type == null || value != JsonToken.START_OBJECT) {
                            return decode(MAPPER.readTree(bytes, offset, length));
                        }
                        item = streamItem(type, p);
                        if (item == null) {
                            // JSON, but it does not bind: re-read the line as a tree to keep it as an unknown line.
                            return decode(MAPPER.readTree(bytes, offset, length));
                        }
                    }
                    case "metadata" -> {
                        JsonNode node = Readers.TREE.readValue(p);
                        metadata = node instanceof ObjectNode o ? o : null;
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new CorruptLineException("trailing content after the line object");
            }
            if (timestamp == null || type == null || item == null) {
                throw new CorruptLineException("missing timestamp, type or payload");
            }
            return new RolloutLine(parseTimestamp(timestamp), ordinal, item, metadata);
        } catch (JacksonException e) {
            throw new CorruptLineException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The payload bound while streaming, or {@code null} if it is JSON that does not bind to its type. */
    private static RolloutItem streamItem(String type, JsonParser p) {
        try {
            return switch (type) {
                case RolloutItem.RESPONSE_ITEM -> new RolloutItem.Response(Readers.RESPONSE_ITEM.readValue(p));
                case RolloutItem.SESSION_META -> Readers.SESSION_META.readValue(p);
                case RolloutItem.TURN_CONTEXT -> Readers.TURN_CONTEXT.readValue(p);
                case RolloutItem.COMPACTED -> Readers.COMPACTED.readValue(p);
                default -> item(type, Readers.TREE.readValue(p));
            };
        } catch (tools.jackson.core.exc.StreamReadException e) {
            throw e;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static Instant parseTimestamp(String text) throws CorruptLineException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CorruptLineException("bad timestamp '" + text + "'", e);
        }
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
        Instant timestamp = parseTimestamp(ts.asString());
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
