package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper configuration every wire type in jcodex is written and read with.
 *
 * <p>Unknown members are tolerated on read; absent optional members (Java {@code null}) are omitted on write
 * unless a type says otherwise; members are written in record component order.
 */
public final class ProtocolJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ProtocolJson() {}

    /** The shared, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Serialises {@code value} to compact JSON. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Reads {@code json} as {@code type}; throws {@link JacksonException} with the location on bad input. */
    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /**
     * Builds (and caches in the shared mapper) the serializers and deserializers of {@code roots} and, for sealed
     * interfaces, of every permitted subtype, recursively. Jackson introspects each type on first use, which on a
     * cold JVM costs milliseconds per type; calling this on a spare core ahead of time takes that off the request
     * path. Failures are ignored: the types are then simply introspected on first real use.
     */
    public static void warmUp(Class<?>... roots) {
        java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(java.util.List.of(roots));
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type.isSealed()) {
                todo.addAll(java.util.List.of(type.getPermittedSubclasses()));
            }
            try {
                MAPPER.writerFor(type);
                MAPPER.readerFor(type);
            } catch (RuntimeException | LinkageError e) {
                // introspected again on first use
            }
        }
    }

    /** Parses {@code json} into a tree. */
    public static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }
}
