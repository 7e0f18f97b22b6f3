package dev.jcodex.modelclient;

/** Whether the {@code CODEX_API_KEY} environment variable is honoured (exec and a few entry points only). */
public enum CodexApiKeyPolicy {
    /** {@code CODEX_API_KEY} wins over auth.json for providers that use OpenAI auth. */
    HONOUR,
    /** {@code CODEX_API_KEY} is ignored. */
    IGNORE
}
