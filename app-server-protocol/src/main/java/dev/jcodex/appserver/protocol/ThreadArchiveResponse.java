package dev.jcodex.appserver.protocol;

/** Result of {@code thread/archive}: {@code {}} (a {@code thread/archived} notification follows). */
public record ThreadArchiveResponse() {}
