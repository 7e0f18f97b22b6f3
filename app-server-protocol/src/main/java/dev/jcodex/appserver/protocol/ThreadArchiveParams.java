package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Params of {@code thread/archive}. */
public record ThreadArchiveParams(@JsonProperty("threadId") String threadId) {}
