package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.protocol.ProtocolJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Parsing of JSON tool arguments with errors the model can act on. */
final class Args {
    private Args() {}

    static JsonNode parse(String arguments, String tool) {
        JsonNode node;
        try {
            node = ProtocolJson.tree(arguments == null || arguments.isBlank() ? "{}" : arguments);
        } catch (JacksonException e) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": "
                    + e.getOriginalMessage() + ". Send a JSON object matching the tool's parameters.");
        }
        if (!node.isObject()) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool
                    + ": expected a JSON object, got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return node;
    }

    static String requiredString(JsonNode args, String field, String tool) {
        JsonNode v = args.get(field);
        if (v == null || v.isNull()) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": missing field `"
                    + field + "`");
        }
        if (!v.isString()) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": `" + field
                    + "` must be a string");
        }
        return v.asString();
    }

    static String optionalString(JsonNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static Long optionalLong(JsonNode args, String field, String tool) {
        JsonNode v = args.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": `" + field
                    + "` must be a number");
        }
        return v.asLong();
    }

    static Boolean optionalBoolean(JsonNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    /** An optional array of strings; {@code null} when absent. */
    static java.util.List<String> optionalStringList(JsonNode args, String field, String tool) {
        JsonNode v = args.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": `" + field
                    + "` must be an array of strings");
        }
        java.util.List<String> items = new java.util.ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isString()) {
                throw new ToolArgumentException("failed to parse function arguments for " + tool + ": `" + field
                        + "` must be an array of strings");
            }
            items.add(item.asString());
        }
        return java.util.List.copyOf(items);
    }

    /** An optional whole number that must not be negative; {@code null} when absent. */
    static Long optionalNonNegativeLong(JsonNode args, String field, String tool) {
        JsonNode v = args.get(field);
        Long value = optionalLong(args, field, tool);
        if (value != null && (value < 0 || !v.canConvertToExactIntegral())) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": `" + field
                    + "` must be a non-negative integer");
        }
        return value;
    }

    /** An optional boolean that must really be a JSON boolean; {@code null} when absent. */
    static Boolean optionalStrictBoolean(JsonNode args, String field, String tool) {
        JsonNode v = args.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": `" + field
                    + "` must be a boolean");
        }
        return v.asBoolean();
    }

    /** An optional string that must really be a JSON string; {@code null} when absent. */
    static String optionalStrictString(JsonNode args, String field, String tool) {
        JsonNode v = args.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": `" + field
                    + "` must be a string");
        }
        return v.asString();
    }
}
