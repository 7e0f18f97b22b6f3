package dev.jcodex.appserver.protocol;

import dev.jcodex.protocol.ProtocolJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One app-server message: JSON-RPC 2.0 semantics <em>without</em> the {@code "jsonrpc":"2.0"} member.
 *
 * <p>The kinds are untagged and told apart by their members (§13.1): {@code id} + {@code method} is a request,
 * {@code method} alone a notification, {@code id} + {@code result} a response, {@code error} an error response.
 * Unknown members (such as {@code trace}) are ignored.
 */
public sealed interface JsonRpcMessage {

    /** A call that expects a {@link Response} or {@link Error} with the same id. */
    record Request(RequestId id, String method, Payload payload) implements JsonRpcMessage {
        public Request {
            requireMethod(method);
        }

        /** A request whose params are a JSON tree (or null for none). */
        public Request(RequestId id, String method, JsonNode params) {
            this(id, method, Payload.of(params));
        }

        /** The params as JSON, or null when there are none. */
        public JsonNode params() {
            return payload == null ? null : payload.tree();
        }

        /**
         * The params as {@code type} (the sender's own object when it sent one of that type); a shape mismatch is an
         * {@link AppServerProtocolException}.
         */
        public <T> T paramsAs(Class<T> type) {
            return payload == null ? WireJson.convert(NullNode.getInstance(), type, method) : payload.as(type, method);
        }
    }

    /** A one-way message. */
    record Notification(String method, Payload payload) implements JsonRpcMessage {
        public Notification {
            requireMethod(method);
        }

        /** A notification whose params are a JSON tree (or null for none). */
        public Notification(String method, JsonNode params) {
            this(method, Payload.of(params));
        }

        /** The params as JSON, or null when there are none. */
        public JsonNode params() {
            return payload == null ? null : payload.tree();
        }

        /**
         * The params as {@code type} (the sender's own object when it sent one of that type); a shape mismatch is an
         * {@link AppServerProtocolException}.
         */
        public <T> T paramsAs(Class<T> type) {
            return payload == null ? WireJson.convert(NullNode.getInstance(), type, method) : payload.as(type, method);
        }
    }

    /** The successful answer to the request with the same id. */
    record Response(RequestId id, Payload payload) implements JsonRpcMessage {
        public Response {
            if (id == null) {
                throw new IllegalArgumentException("response id must not be null");
            }
            payload = payload == null ? Payload.of(NullNode.getInstance()) : payload;
        }

        /** A response whose result is a JSON tree (null becomes JSON null). */
        public Response(RequestId id, JsonNode result) {
            this(id, Payload.of(result));
        }

        /** The result as JSON. */
        public JsonNode result() {
            return payload.tree();
        }

        /**
         * The result as {@code type} (the sender's own object when it sent one of that type); a shape mismatch is an
         * {@link AppServerProtocolException}.
         */
        public <T> T resultAs(Class<T> type) {
            return payload.as(type, "response " + id);
        }
    }

    /** The failed answer to a request; {@code id} is null only when the request could not be read at all. */
    record Error(RequestId id, JsonRpcError error) implements JsonRpcMessage {
        public Error {
            if (error == null) {
                throw new IllegalArgumentException("error body must not be null");
            }
        }
    }

    /** A request whose params are any record (kept typed, see {@link Payload}), a tree, or null for none. */
    static Request request(RequestId id, String method, Object params) {
        return new Request(id, method, Payload.of(params));
    }

    /** A notification whose params are any record (kept typed, see {@link Payload}), a tree, or null for none. */
    static Notification notification(String method, Object params) {
        return new Notification(method, Payload.of(params));
    }

    /** A response whose result is any record (kept typed, see {@link Payload}) or a tree; null is JSON null. */
    static Response response(RequestId id, Object result) {
        return new Response(id, Payload.of(result));
    }

    /** An error response. */
    static Error error(RequestId id, int code, String message) {
        return new Error(id, JsonRpcError.of(code, message));
    }

    /** Parses one line (one JSON object) into a message. */
    static JsonRpcMessage parse(String json) {
        JsonNode tree;
        try {
            tree = ProtocolJson.tree(json);
        } catch (JacksonException e) {
            throw new AppServerProtocolException("invalid JSON in JSON-RPC message: " + e.getOriginalMessage(), e);
        }
        return fromTree(tree);
    }

    /** Classifies a parsed JSON object (§13.1). */
    static JsonRpcMessage fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new AppServerProtocolException("JSON-RPC message must be a JSON object");
        }
        JsonNode method = tree.get("method");
        JsonNode id = tree.get("id");
        JsonNode params = tree.get("params");
        if (method != null) {
            if (!method.isString()) {
                throw new AppServerProtocolException("JSON-RPC method must be a string");
            }
            if (id != null && !id.isNull()) {
                return new Request(RequestId.fromJson(id), method.stringValue(), params);
            }
            return new Notification(method.stringValue(), params);
        }
        if (tree.has("result") && id != null && !id.isNull()) {
            return new Response(RequestId.fromJson(id), tree.get("result"));
        }
        JsonNode error = tree.get("error");
        if (error != null && error.isObject()) {
            RequestId errorId = id == null || id.isNull() ? null : RequestId.fromJson(id);
            return new Error(errorId, WireJson.convert(error, JsonRpcError.class, "error"));
        }
        throw new AppServerProtocolException("not a JSON-RPC request, notification, response or error: " + tree);
    }

    /** The message as a JSON object without a {@code jsonrpc} member; absent params are omitted. */
    default ObjectNode toTree() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (this) {
            case Request r -> {
                out.set("id", r.id().toJson());
                out.put("method", r.method());
                if (r.params() != null) {
                    out.set("params", r.params());
                }
            }
            case Notification n -> {
                out.put("method", n.method());
                if (n.params() != null) {
                    out.set("params", n.params());
                }
            }
            case Response r -> {
                out.set("id", r.id().toJson());
                out.set("result", r.result());
            }
            case Error e -> {
                out.set("id", e.id() == null ? NullNode.getInstance() : e.id().toJson());
                out.set("error", WireJson.toTree(e.error()));
            }
        }
        return out;
    }

    /** Compact JSON on one line. */
    default String toJson() {
        return ProtocolJson.write(toTree());
    }

    private static void requireMethod(String method) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
    }
}
