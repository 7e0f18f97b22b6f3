package dev.jcodex.modelclient;

/**
 * Config values that override catalog metadata; every component is optional (null = keep the catalog value).
 *
 * @param contextWindow {@code model_context_window}
 * @param autoCompactTokenLimit {@code model_auto_compact_token_limit}
 * @param supportsReasoningSummaries {@code model_supports_reasoning_summaries} (only {@code true} has an effect,
 *     as in the reference)
 * @param toolOutputTokenLimit {@code tool_output_token_limit}
 */
public record ModelOverrides(Long contextWindow, Long autoCompactTokenLimit, Boolean supportsReasoningSummaries,
                             Long toolOutputTokenLimit) {

    /** No overrides. */
    public static final ModelOverrides NONE = new ModelOverrides(null, null, null, null);
}
