package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One step of a {@code turn/plan/updated} plan. */
public record TurnPlanStep(@JsonProperty("step") String step, @JsonProperty("status") Status status) {

    /** Step status (camelCase on the wire). */
    public enum Status {
        @JsonProperty("pending") PENDING,
        @JsonProperty("inProgress") IN_PROGRESS,
        @JsonProperty("completed") COMPLETED
    }
}
