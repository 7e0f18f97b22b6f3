package dev.jcodex.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link ConfigLoader#load} needs. Build with {@link #builder(Path, Path)}; the system paths default to
 * {@code /etc/codex/...} and the environment to {@code System.getenv()}, and tests inject temp paths and a map.
 *
 * @param codexHome {@code $CODEX_HOME} (see {@code dev.jcodex.common.CodexHome})
 * @param cwd the process working directory ({@link ConfigOverrides#cwd()} may move it)
 * @param cliOverrides raw {@code -c key=value} arguments, in order (later wins)
 * @param profile {@code --profile}, or null to use the top-level {@code profile} key
 * @param overrides typed harness overrides
 * @param userConfig whether {@code $CODEX_HOME/config.toml} is read ({@code --ignore-user-config})
 * @param systemConfigFile {@code /etc/codex/config.toml}
 * @param managedConfigFile {@code /etc/codex/managed_config.toml} (legacy managed config, highest layer)
 * @param requirementsFile {@code /etc/codex/requirements.toml}
 * @param env environment variables ({@code HOME}, {@code CODEX_OSS_PORT}, {@code CODEX_OSS_BASE_URL},
 *            {@code CODEX_SQLITE_HOME}, ...)
 */
public record ConfigLoadRequest(
        Path codexHome,
        Path cwd,
        List<String> cliOverrides,
        String profile,
        ConfigOverrides overrides,
        UserConfigMode userConfig,
        Path systemConfigFile,
        Path managedConfigFile,
        Path requirementsFile,
        Map<String, String> env) {

    public static final Path DEFAULT_SYSTEM_CONFIG = Path.of("/etc/codex/config.toml");
    public static final Path DEFAULT_MANAGED_CONFIG = Path.of("/etc/codex/managed_config.toml");
    public static final Path DEFAULT_REQUIREMENTS = Path.of("/etc/codex/requirements.toml");

    /** Whether the user's config.toml takes part. */
    public enum UserConfigMode {
        /** Read {@code $CODEX_HOME/config.toml} (the default). */
        LOAD,
        /** {@code --ignore-user-config}: skip it (auth still uses CODEX_HOME). */
        IGNORE
    }

    public ConfigLoadRequest {
        Objects.requireNonNull(codexHome, "codexHome");
        Objects.requireNonNull(cwd, "cwd");
        cliOverrides = cliOverrides == null ? List.of() : List.copyOf(cliOverrides);
        overrides = overrides == null ? ConfigOverrides.none() : overrides;
        userConfig = userConfig == null ? UserConfigMode.LOAD : userConfig;
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** A builder for {@code codexHome} and {@code cwd}. */
    public static Builder builder(Path codexHome, Path cwd) {
        return new Builder(codexHome, cwd);
    }

    /** Fluent builder. */
    public static final class Builder {
        private final Path codexHome;
        private final Path cwd;
        private final List<String> cliOverrides = new ArrayList<>();
        private String profile;
        private ConfigOverrides overrides = ConfigOverrides.none();
        private UserConfigMode userConfig = UserConfigMode.LOAD;
        private Path systemConfigFile = DEFAULT_SYSTEM_CONFIG;
        private Path managedConfigFile = DEFAULT_MANAGED_CONFIG;
        private Path requirementsFile = DEFAULT_REQUIREMENTS;
        private Map<String, String> env;

        private Builder(Path codexHome, Path cwd) {
            this.codexHome = codexHome;
            this.cwd = cwd;
        }

        /** Appends raw {@code -c} arguments. */
        public Builder cliOverrides(List<String> values) { cliOverrides.addAll(values); return this; }

        /** Appends one raw {@code -c} argument. */
        public Builder cliOverride(String value) { cliOverrides.add(value); return this; }

        public Builder profile(String value) { profile = value; return this; }

        public Builder overrides(ConfigOverrides value) { overrides = value; return this; }

        /** {@code --ignore-user-config}. */
        public Builder ignoreUserConfig() { userConfig = UserConfigMode.IGNORE; return this; }

        public Builder systemConfigFile(Path value) { systemConfigFile = value; return this; }

        public Builder managedConfigFile(Path value) { managedConfigFile = value; return this; }

        public Builder requirementsFile(Path value) { requirementsFile = value; return this; }

        public Builder env(Map<String, String> value) { env = value; return this; }

        public ConfigLoadRequest build() {
            return new ConfigLoadRequest(codexHome, cwd, cliOverrides, profile, overrides, userConfig,
                    systemConfigFile, managedConfigFile, requirementsFile, env == null ? System.getenv() : env);
        }
    }
}
