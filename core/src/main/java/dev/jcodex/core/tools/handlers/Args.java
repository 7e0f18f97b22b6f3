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
}
