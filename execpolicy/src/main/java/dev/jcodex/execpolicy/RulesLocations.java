package dev.jcodex.execpolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The config folders whose {@code rules/} subfolders hold rules files, lowest precedence first.
 *
 * @param systemConfigDir         the system layer ({@code /etc/codex}), if any
 * @param codexHome               the user layer ({@code $CODEX_HOME}); its {@code rules/default.rules} receives
 *                                approved amendments
 * @param trustedProjectConfigDirs the {@code .codex} folders of trusted projects, outermost first
 */
public record RulesLocations(Optional<Path> systemConfigDir, Path codexHome, List<Path> trustedProjectConfigDirs) {

    /** The system folder every installation reads. */
    public static final Path SYSTEM_CONFIG_DIR = Path.of("/etc/codex");

    public RulesLocations {
        trustedProjectConfigDirs = List.copyOf(trustedProjectConfigDirs);
    }

    /** {@code /etc/codex}, {@code codexHome} and the given trusted project {@code .codex} folders. */
    public static RulesLocations standard(Path codexHome, List<Path> trustedProjectConfigDirs) {
        return new RulesLocations(Optional.of(SYSTEM_CONFIG_DIR), codexHome, trustedProjectConfigDirs);
    }

    /** Which layers contribute rules. */
    public enum Scope {
        /** System, user and trusted project layers. */
        ALL_LAYERS,
        /** Only the system layer ({@code --ignore-rules} skips user and project rules). */
        IGNORE_USER_AND_PROJECT
    }
}
