package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Params of {@code turn/interrupt}; the turn then completes with status {@code interrupted}. */
public record TurnInterruptParams(
        @JsonProperty("threadId") String threadId,
        @JsonProperty("turnId") String turnId) {}
