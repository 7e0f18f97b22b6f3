package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token counts in camelCase. {@code cacheWriteInputTokens} (newer servers) reads as 0 when absent.
 */
public record TokenUsageBreakdown(
        @JsonProperty("totalTokens") long totalTokens,
        @JsonProperty("inputTokens") long inputTokens,
        @JsonProperty("cachedInputTokens") long cachedInputTokens,
        @JsonProperty("outputTokens") long outputTokens,
        @JsonProperty("reasoningOutputTokens") long reasoningOutputTokens,
        @JsonProperty("cacheWriteInputTokens") long cacheWriteInputTokens) {

    /** All zeros. */
    public static final TokenUsageBreakdown ZERO = new TokenUsageBreakdown(0, 0, 0, 0, 0, 0);

    /** Input − cached + output (never negative): the figure {@code tokens used} shows. */
    public long blendedTotal() {
        long cached = Math.max(0, cachedInputTokens);
        long nonCachedInput = Math.max(0, inputTokens - cached);
        return Math.max(0, nonCachedInput + Math.max(0, outputTokens));
    }
}
