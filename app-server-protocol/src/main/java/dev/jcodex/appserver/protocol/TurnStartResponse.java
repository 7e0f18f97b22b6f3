package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Result of {@code turn/start}: the new turn, status {@code inProgress}. */
public record TurnStartResponse(@JsonProperty("turn") Turn turn) {}
