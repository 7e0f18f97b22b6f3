package dev.jcodex.core;

/**
 * How a thread is opened.
 *
 * @param ephemeral when true nothing is persisted (no rollout, no index entry)
 * @param source the session source recorded in the rollout: {@code exec}, {@code cli}, {@code vscode},
 *     {@code mcp}, …
 */
public record ThreadOptions(boolean ephemeral, String source) {

    public ThreadOptions {
        source = source == null || source.isBlank() ? "cli" : source;
    }
}
