package dev.jcodex.state;

import dev.jcodex.protocol.ResponseItem;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one rollout line carries: its {@code type} and {@code payload}. Known kinds are typed; any other line kind
 * (for example {@code world_state} or {@code token_usage_record} from newer reference versions) is kept as
 * {@link Unknown} so it survives a fork, and is ignored when history is rebuilt.
 */
public sealed interface RolloutItem
        permits SessionMeta, RolloutItem.Response, RolloutItem.Event, TurnContext, Compacted, RolloutItem.Unknown {

    /** Line type {@code session_meta}. */
    String SESSION_META = "session_meta";
    /** Line type {@code response_item}. */
    String RESPONSE_ITEM = "response_item";
    /** Line type {@code event_msg}. */
    String EVENT_MSG = "event_msg";
    /** Line type {@code turn_context}. */
    String TURN_CONTEXT = "turn_context";
    /** Line type {@code compacted}. */
    String COMPACTED = "compacted";

    /** A conversation item exactly as the model sees it. */
    record Response(ResponseItem item) implements RolloutItem {
        public Response {
            Objects.requireNonNull(item, "item");
        }
    }

    /**
     * A persisted protocol event ({@code {"type":"<snake_case>", …}}). The core defines the event types; the
     * payload is kept as JSON and must not be mutated after it is handed to a writer.
     */
    record Event(ObjectNode payload) implements RolloutItem {
        public Event {
            Objects.requireNonNull(payload, "payload");
            if (!payload.path("type").isString()) {
                throw new IllegalArgumentException("event payload needs a string \"type\": " + payload);
            }
        }

        /** The event type, e.g. {@code task_started}. */
        public String type() {
            return payload.path("type").asString();
        }
    }

    /** A line of a kind this version does not model; written back unchanged. */
    record Unknown(String type, JsonNode payload) implements RolloutItem {
        public Unknown {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** The line {@code type} this item is written with. */
    default String lineType() {
        return switch (this) {
            case SessionMeta m -> SESSION_META;
            case Response r -> RESPONSE_ITEM;
            case Event e -> EVENT_MSG;
            case TurnContext t -> TURN_CONTEXT;
            case Compacted c -> COMPACTED;
            case Unknown u -> u.type();
        };
    }
}
