package dev.jcodex.exec;

/**
 * Values for the human-mode header that the caller knows from its configuration. Each null member is filled
 * from the {@code thread/start} (or resume) response and the options: workdir ← cwd, model ← response model,
 * provider ← response provider, approval ← response policy, sandbox ← summary of the response's sandbox policy,
 * reasoning effort / summaries ← options (or {@code none}).
 *
 * @param showReasoningSettings print the {@code reasoning effort} / {@code reasoning summaries} lines (true for
 *     Responses-API providers)
 */
public record HeaderInfo(
        String workdir,
        String model,
        String provider,
        String approval,
        String sandbox,
        String reasoningEffort,
        String reasoningSummaries,
        boolean showReasoningSettings) {

    /** Everything derived; reasoning lines shown. */
    public static final HeaderInfo DERIVED = new HeaderInfo(null, null, null, null, null, null, null, true);
}
