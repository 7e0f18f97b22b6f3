package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;

/**
 * {@code [history]}: the composer history file {@code $CODEX_HOME/history.jsonl}.
 *
 * @param persistence {@code persistence} (default {@link Persistence#SAVE_ALL})
 * @param maxBytes {@code max_bytes}, or null for no cap (the file is trimmed to 80 % when exceeded)
 */
public record HistorySettings(Persistence persistence, Long maxBytes) {

    /** {@code persistence}. */
    public enum Persistence implements WireEnum {
        SAVE_ALL, NONE;

        @Override
        public String wire() {
            return WireEnum.kebab(this);
        }
    }

    static HistorySettings parse(TableReader root) {
        TableReader table = root.table("history");
        if (table == null) {
            return new HistorySettings(Persistence.SAVE_ALL, null);
        }
        Persistence persistence = table.enumValue("persistence", Persistence.class);
        return new HistorySettings(persistence == null ? Persistence.SAVE_ALL : persistence,
                table.nonNegative("max_bytes"));
    }
}
