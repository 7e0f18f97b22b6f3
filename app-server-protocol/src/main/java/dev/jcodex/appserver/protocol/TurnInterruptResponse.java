package dev.jcodex.appserver.protocol;

/** Result of {@code turn/interrupt}: {@code {}}. */
public record TurnInterruptResponse() {}
