package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A turn (§13.3). {@code turn/started} and {@code turn/completed} may carry empty {@code items}; items stream
 * through {@code item/*}. {@code error} is set only for failed turns; times are unix seconds.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Turn(
        @JsonProperty("id") String id,
        @JsonProperty("items") List<ThreadItem> items,
        @JsonProperty("status") TurnStatus status,
        @JsonProperty("error") TurnError error,
        @JsonProperty("startedAt") Long startedAt,
        @JsonProperty("completedAt") Long completedAt,
        @JsonProperty("durationMs") Long durationMs) {

    public Turn {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A turn with just an id, items and a status (times unknown, no error). */
    public static Turn of(String id, List<ThreadItem> items, TurnStatus status) {
        return new Turn(id, items, status, null, null, null, null);
    }
}
