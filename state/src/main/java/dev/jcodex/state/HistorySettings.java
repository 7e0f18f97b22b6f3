package dev.jcodex.state;

import java.util.Objects;

/**
 * The {@code [history]} settings of {@code config.toml}.
 *
 * @param persistence whether submitted messages are saved
 * @param maxBytes the size cap of {@code history.jsonl} in bytes, or {@code null} for no cap; when an append
 *     makes the file larger, the oldest entries are dropped until it is at most 80 % of the cap
 */
public record HistorySettings(HistoryPersistence persistence, Long maxBytes) {
    public HistorySettings {
        Objects.requireNonNull(persistence, "persistence");
        if (maxBytes != null && maxBytes <= 0) {
            throw new IllegalArgumentException("history.max_bytes must be positive: " + maxBytes);
        }
    }

    /** The defaults: save everything, no cap. */
    public static HistorySettings defaults() {
        return new HistorySettings(HistoryPersistence.SAVE_ALL, null);
    }

    /** {@code history.persistence}. */
    public enum HistoryPersistence {
        /** {@code "save-all"}: every submitted message is appended (the default). */
        SAVE_ALL,
        /** {@code "none"}: nothing is written. */
        NONE
    }
}
