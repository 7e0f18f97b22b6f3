package dev.jcodex.appserver;

import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/** JSON values written as TOML literals, so a {@code config} param entry can become a {@code -c key=value}. */
final class TomlLiterals {
    private TomlLiterals() {}

    /** {@code value} as TOML, or null for JSON null (the entry is then ignored). */
    static String of(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return quote(value.stringValue());
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            if (Double.isNaN(d)) {
                return "nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return Double.toString(d);
        }
        if (value.isArray()) {
            StringJoiner out = new StringJoiner(", ", "[", "]");
            for (JsonNode element : value) {
                String literal = of(element);
                if (literal != null) {
                    out.add(literal);
                }
            }
            return out.toString();
        }
        if (value.isObject()) {
            StringJoiner out = new StringJoiner(", ", "{", "}");
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                String literal = of(e.getValue());
                if (literal != null) {
                    out.add(quote(e.getKey()) + " = " + literal);
                }
            }
            return out.toString();
        }
        return quote(value.asString());
    }

    /** A TOML basic string. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
