package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Status of a {@link ThreadItem.McpToolCall}. */
public enum McpToolCallStatus {
    @JsonProperty("inProgress") IN_PROGRESS,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED
}
