package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A client's answer to an approval request. */
public enum ApprovalDecision {
    /** Run / apply this once. */
    @JsonProperty("accept") ACCEPT,
    /** Run / apply, and do not ask again for the same thing this session. */
    @JsonProperty("acceptForSession") ACCEPT_FOR_SESSION,
    /** Do not run; the model is told and continues. */
    @JsonProperty("decline") DECLINE,
    /** Do not run and interrupt the turn. */
    @JsonProperty("cancel") CANCEL
}
