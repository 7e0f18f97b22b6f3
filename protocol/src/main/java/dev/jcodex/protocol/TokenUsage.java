package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Token counts of one response or accumulated over a turn or thread. */
public record TokenUsage(
        @JsonProperty("input_tokens") long inputTokens,
        @JsonProperty("cached_input_tokens") long cachedInputTokens,
        @JsonProperty("cache_write_input_tokens") long cacheWriteInputTokens,
        @JsonProperty("output_tokens") long outputTokens,
        @JsonProperty("reasoning_output_tokens") long reasoningOutputTokens,
        @JsonProperty("total_tokens") long totalTokens) {

    /** All zeros. */
    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0, 0);

    /** Component-wise sum. */
    public TokenUsage plus(TokenUsage o) {
        return new TokenUsage(inputTokens + o.inputTokens, cachedInputTokens + o.cachedInputTokens,
                cacheWriteInputTokens + o.cacheWriteInputTokens, outputTokens + o.outputTokens,
                reasoningOutputTokens + o.reasoningOutputTokens, totalTokens + o.totalTokens);
    }

    /** Input − cached + output: the figure {@code tokens used} shows. */
    public long blendedTotal() {
        return Math.max(0, inputTokens - cachedInputTokens) + outputTokens;
    }
}
