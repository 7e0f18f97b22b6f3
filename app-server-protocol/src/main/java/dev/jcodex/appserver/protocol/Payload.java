package dev.jcodex.appserver.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The params or result of a {@link JsonRpcMessage}: a JSON tree, or a typed value (a protocol record) whose tree is
 * built only when something asks for JSON.
 *
 * <p>Over a byte transport every payload is a tree. Over the in-process transport a payload keeps the sender's
 * record, and a receiver asking for that record's type gets the very object back ({@link #as}) — no record → tree →
 * record round trip, which on a cold JVM cost more than the rest of a plain {@code exec} turn put together. Tree and
 * typed forms of the same value are {@link #equals equal}. Values must be immutable once sent.
 */
public final class Payload {
    private final Object value;
    private volatile JsonNode tree;

    private Payload(Object value, JsonNode tree) {
        this.value = value;
        this.tree = tree;
    }

    /** A payload for {@code value} (a record, or a {@code JsonNode}); null for null. */
    public static Payload of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return new Payload(null, node);
        }
        return new Payload(value, null);
    }

    /** The payload as a JSON tree (built once, on first use, for a typed payload). */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = WireJson.toTree(value);
            tree = t;
        }
        return t;
    }

    /**
     * The payload as {@code type}: the typed value itself when it is one, otherwise converted from the tree.
     *
     * @param what names the message in an error
     * @throws AppServerProtocolException when the tree does not have {@code type}'s shape
     */
    public <T> T as(Class<T> type, String what) {
        if (value != null && type.isInstance(value)) {
            return type.cast(value);
        }
        return WireJson.convert(tree(), type, what);
    }

    /** Whether this payload holds a typed value of {@code type} (then {@link #as} returns it without JSON). */
    boolean isTypedAs(Class<?> type) {
        return type.isInstance(value);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Payload other)) {
            return false;
        }
        if (value != null && other.value != null && value.equals(other.value)) {
            return true;
        }
        return tree().equals(other.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return Objects.toString(tree());
    }
}
