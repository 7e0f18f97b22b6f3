package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.Verbosity;
import java.util.Objects;

/**
 * Metadata of one model (spec §3.8), from the bundled catalog ({@link ModelCatalog}) or the fallback for
 * unknown slugs ({@link #fallback(String)}).
 *
 * @param slug the model id sent as {@code model}
 * @param displayName human-readable name
 * @param contextWindow context window in tokens
 * @param autoCompactTokenLimit explicit auto-compaction threshold, or null (then 90 % of the window)
 * @param supportsReasoningSummaries whether {@code reasoning} is sent at all
 * @param defaultReasoningEffort effort when config sets none, or null (then none is sent)
 * @param defaultReasoningSummary summary when config sets none ({@code none} = omitted)
 * @param supportsVerbosity whether {@code text.verbosity} may be sent
 * @param defaultVerbosity verbosity when config sets none, or null
 * @param supportsParallelToolCalls value of {@code parallel_tool_calls}
 * @param shellType which shell tool to offer
 * @param applyPatchToolType how to offer apply_patch
 * @param truncationPolicy tool-output truncation
 * @param usedFallbackMetadata whether the slug was unknown and these are fallback values
 */
public record ModelInfo(
        @JsonProperty("slug") String slug,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("context_window") long contextWindow,
        @JsonProperty("auto_compact_token_limit") Long autoCompactTokenLimit,
        @JsonProperty("supports_reasoning_summaries") boolean supportsReasoningSummaries,
        @JsonProperty("default_reasoning_level") ReasoningEffort defaultReasoningEffort,
        @JsonProperty("default_reasoning_summary") ReasoningSummary defaultReasoningSummary,
        @JsonProperty("support_verbosity") boolean supportsVerbosity,
        @JsonProperty("default_verbosity") Verbosity defaultVerbosity,
        @JsonProperty("supports_parallel_tool_calls") boolean supportsParallelToolCalls,
        @JsonProperty("shell_type") ShellToolType shellType,
        @JsonProperty("apply_patch_tool_type") ApplyPatchToolType applyPatchToolType,
        @JsonProperty("truncation_policy") TruncationPolicy truncationPolicy,
        @JsonProperty("used_fallback_model_metadata") boolean usedFallbackMetadata) {

    /** Default context window of the gpt-5 family and of the fallback. */
    public static final long DEFAULT_CONTEXT_WINDOW = 272_000;

    public ModelInfo {
        Objects.requireNonNull(slug, "slug");
        displayName = displayName == null ? slug : displayName;
        defaultReasoningSummary = defaultReasoningSummary == null ? ReasoningSummary.AUTO : defaultReasoningSummary;
        shellType = shellType == null ? ShellToolType.DEFAULT : shellType;
        applyPatchToolType = applyPatchToolType == null ? ApplyPatchToolType.NONE : applyPatchToolType;
        truncationPolicy = truncationPolicy == null ? TruncationPolicy.bytes(10_000) : truncationPolicy;
    }

    /**
     * Metadata for a slug the catalog does not know: context 272 000, bytes(10 000) truncation, no reasoning
     * summaries, default shell, no apply_patch tool, no parallel tool calls, flagged as fallback.
     */
    public static ModelInfo fallback(String slug) {
        return new ModelInfo(slug, slug, DEFAULT_CONTEXT_WINDOW, null, false, null, ReasoningSummary.AUTO, false,
                null, false, ShellToolType.DEFAULT, ApplyPatchToolType.NONE, TruncationPolicy.bytes(10_000), true);
    }

    /** The auto-compaction threshold: the explicit limit, else 90 % of the context window. */
    public long effectiveAutoCompactTokenLimit() {
        return autoCompactTokenLimit != null ? autoCompactTokenLimit : contextWindow * 9 / 10;
    }

    /** This metadata with config overrides applied (see {@link ModelOverrides}). */
    public ModelInfo withOverrides(ModelOverrides o) {
        boolean summaries = supportsReasoningSummaries || Boolean.TRUE.equals(o.supportsReasoningSummaries());
        return new ModelInfo(slug, displayName,
                o.contextWindow() != null ? o.contextWindow() : contextWindow,
                o.autoCompactTokenLimit() != null ? o.autoCompactTokenLimit() : autoCompactTokenLimit,
                summaries, defaultReasoningEffort, defaultReasoningSummary, supportsVerbosity, defaultVerbosity,
                supportsParallelToolCalls, shellType, applyPatchToolType,
                o.toolOutputTokenLimit() != null ? truncationPolicy.withTokenLimit(o.toolOutputTokenLimit())
                        : truncationPolicy,
                usedFallbackMetadata);
    }

    /** The same metadata under another slug (catalog prefix matches keep the requested slug). */
    ModelInfo withSlug(String newSlug) {
        return new ModelInfo(newSlug, displayName, contextWindow, autoCompactTokenLimit, supportsReasoningSummaries,
                defaultReasoningEffort, defaultReasoningSummary, supportsVerbosity, defaultVerbosity,
                supportsParallelToolCalls, shellType, applyPatchToolType, truncationPolicy, usedFallbackMetadata);
    }
}
