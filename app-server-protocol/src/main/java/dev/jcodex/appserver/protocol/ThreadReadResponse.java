package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Result of {@code thread/read}. */
public record ThreadReadResponse(@JsonProperty("thread") AppServerThread thread) {}
