package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Status of a {@link ThreadItem.CommandExecution}. */
public enum CommandExecutionStatus {
    @JsonProperty("inProgress") IN_PROGRESS,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("declined") DECLINED
}
