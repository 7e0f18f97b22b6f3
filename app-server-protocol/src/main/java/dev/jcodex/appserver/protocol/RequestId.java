package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** A JSON-RPC request id: an integer or a string on the wire, compared by value. */
public sealed interface RequestId {

    /** An integer id, e.g. {@code 7}. */
    record Int(long value) implements RequestId {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A string id, e.g. {@code "abc"}. */
    record Str(String value) implements RequestId {
        public Str {
            if (value == null) {
                throw new IllegalArgumentException("string request id must not be null");
            }
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** An integer id. */
    static RequestId of(long value) {
        return new Int(value);
    }

    /** A string id. */
    static RequestId of(String value) {
        return new Str(value);
    }

    /** The JSON value: a number or a string. */
    @JsonValue
    default JsonNode toJson() {
        return switch (this) {
            case Int i -> JsonNodeFactory.instance.numberNode(i.value());
            case Str s -> JsonNodeFactory.instance.stringNode(s.value());
        };
    }

    /** Reads an id from its JSON value; anything but an integer or a string is rejected. */
    @JsonCreator
    static RequestId fromJson(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return new Int(node.longValue());
        }
        if (node != null && node.isString()) {
            return new Str(node.stringValue());
        }
        throw new AppServerProtocolException("request id must be an integer or a string, got " + node);
    }
}
