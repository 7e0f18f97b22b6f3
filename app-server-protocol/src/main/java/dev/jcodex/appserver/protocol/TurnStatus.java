package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Status of a {@link Turn}. */
public enum TurnStatus {
    @JsonProperty("inProgress") IN_PROGRESS,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("interrupted") INTERRUPTED,
    @JsonProperty("failed") FAILED
}
