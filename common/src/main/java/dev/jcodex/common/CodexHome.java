package dev.jcodex.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Locates the Codex home directory ({@code $CODEX_HOME}, else {@code ~/.codex}) from an environment map, so the
 * lookup is testable without touching the real process environment.
 *
 * <p>As in the reference: a non-empty {@code CODEX_HOME} must name an existing directory and is canonicalised
 * (symlinks resolved); the {@code ~/.codex} fallback need not exist yet (whoever writes into it creates it).
 */
public final class CodexHome {

    /** Environment variable that overrides the default location. */
    public static final String ENV_VAR = "CODEX_HOME";

    private CodexHome() {}

    /**
     * Resolves the Codex home directory.
     *
     * @param env environment variables (usually {@code System.getenv()}); {@code HOME} is used for the fallback,
     *            then the {@code user.home} system property
     * @return an absolute path
     * @throws InvalidCodexHomeException if {@code CODEX_HOME} is set but is not an existing directory
     */
    public static Path resolve(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String configured = env.get(ENV_VAR);
        if (configured != null && !configured.isEmpty()) {
            return resolveConfigured(configured);
        }
        String home = env.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home).toAbsolutePath().normalize().resolve(".codex");
    }

    private static Path resolveConfigured(String configured) {
        Path path = Path.of(configured);
        if (!Files.exists(path)) {
            throw new InvalidCodexHomeException(
                    "CODEX_HOME points to \"" + configured + "\", but that path does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new InvalidCodexHomeException(
                    "CODEX_HOME points to \"" + configured + "\", but that path is not a directory");
        }
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new InvalidCodexHomeException(
                    "CODEX_HOME points to \"" + configured + "\", but it cannot be resolved: " + e.getMessage(), e);
        }
    }

    /** Thrown when {@code CODEX_HOME} names something that is not a usable directory. */
    public static final class InvalidCodexHomeException extends RuntimeException {
        InvalidCodexHomeException(String message) {
            super(message);
        }

        InvalidCodexHomeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
