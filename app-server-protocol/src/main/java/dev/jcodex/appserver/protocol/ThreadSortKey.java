package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Sort key of {@code thread/list} (snake_case on the wire). */
public enum ThreadSortKey {
    @JsonProperty("created_at") CREATED_AT,
    @JsonProperty("updated_at") UPDATED_AT
}
