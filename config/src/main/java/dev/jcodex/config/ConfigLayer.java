package dev.jcodex.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One source that took part in (or was kept out of) the effective config, lowest precedence first in
 * {@link Config#layers()}.
 *
 * @param kind which layer
 * @param file the file, or null for {@link Kind#SESSION_FLAGS}
 * @param state whether its values were applied
 * @param values the layer's own values (plain maps/lists/scalars); empty when disabled
 */
public record ConfigLayer(Kind kind, Path file, State state, Map<String, Object> values) {

    /** Layer kinds, lowest precedence first. */
    public enum Kind {
        /** {@code /etc/codex/config.toml}. */
        SYSTEM,
        /** {@code $CODEX_HOME/config.toml}. */
        USER,
        /** {@code <dir>/.codex/config.toml}, from the project root down to cwd. */
        PROJECT,
        /** {@code -c} overrides and {@code --enable}/{@code --disable}. */
        SESSION_FLAGS,
        /** {@code /etc/codex/managed_config.toml}. */
        MANAGED
    }

    /** Whether a layer was applied. */
    public enum State {
        ENABLED,
        /** A project layer of a project that is not trusted: found but ignored. */
        DISABLED_UNTRUSTED
    }

    public ConfigLayer {
        values = values == null ? Map.of() : values;
    }
}
