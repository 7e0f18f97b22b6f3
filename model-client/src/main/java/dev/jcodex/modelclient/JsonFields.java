package dev.jcodex.modelclient;

import tools.jackson.databind.JsonNode;

/** Null-safe readers for optional JSON members. */
final class JsonFields {
    private JsonFields() {}

    /** The member as a string when it is a JSON string, else null. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    /** The member as an int when it is an integral number, else {@code fallback}. */
    static int integer(JsonNode node, String field, int fallback) {
        if (node == null) {
            return fallback;
        }
        JsonNode v = node.get(field);
        return v != null && v.isIntegralNumber() ? v.asInt() : fallback;
    }

    /** The member as a long when it is a number, else 0. */
    static long number(JsonNode node, String field) {
        if (node == null) {
            return 0;
        }
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asLong() : 0;
    }

    /** The member when it is an object, else null. */
    static JsonNode object(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v != null && v.isObject() ? v : null;
    }
}
