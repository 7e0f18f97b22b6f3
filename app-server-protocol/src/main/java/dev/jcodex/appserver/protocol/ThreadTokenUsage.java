package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token usage of a thread: {@code total} is thread-cumulative, {@code last} the latest response;
 * {@code modelContextWindow} is null when unknown.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ThreadTokenUsage(
        @JsonProperty("total") TokenUsageBreakdown total,
        @JsonProperty("last") TokenUsageBreakdown last,
        @JsonProperty("modelContextWindow") Long modelContextWindow) {}
