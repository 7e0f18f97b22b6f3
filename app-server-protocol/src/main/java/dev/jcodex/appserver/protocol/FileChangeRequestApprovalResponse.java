package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The client's result for {@code item/fileChange/requestApproval}. */
public record FileChangeRequestApprovalResponse(@JsonProperty("decision") ApprovalDecision decision) {}
