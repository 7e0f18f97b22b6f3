package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The client's result for {@code item/commandExecution/requestApproval}. */
public record CommandExecutionRequestApprovalResponse(
        @JsonProperty("decision") CommandExecutionApprovalDecision decision) {}
