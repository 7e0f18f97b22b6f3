package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Params of {@code thread/read}. */
public record ThreadReadParams(
        @JsonProperty("threadId") String threadId,
        @JsonProperty("includeTurns") boolean includeTurns) {}
