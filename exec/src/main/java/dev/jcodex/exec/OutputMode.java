package dev.jcodex.exec;

/** How {@code codex exec} reports progress. */
public enum OutputMode {
    /** Human-readable text on stderr, the final message on stdout. */
    HUMAN,
    /** One {@code ThreadEvent} JSON object per line on stdout ({@code --json}). */
    JSONL
}
