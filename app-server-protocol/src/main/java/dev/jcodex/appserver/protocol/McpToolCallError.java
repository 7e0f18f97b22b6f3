package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a {@link ThreadItem.McpToolCall} failed. */
public record McpToolCallError(@JsonProperty("message") String message) {}
