package dev.jcodex.cli;

import dev.jcodex.common.CodexHome;
import dev.jcodex.config.Config;
import dev.jcodex.config.ConfigException;
import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.config.ConfigLoader;
import dev.jcodex.config.ConfigOverrides;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Loads the layered config for a command from the shared flags, turning bad input into a clear exit-1 message. */
final class ConfigSupport {
    private ConfigSupport() {}

    static Config load(CliIo io, SharedOptions shared) {
        return load(request(io, shared, overrides -> { }, false));
    }

    /** Loads {@code request}, turning bad input into a clear exit-1 message. */
    static Config load(ConfigLoadRequest request) {
        try {
            return ConfigLoader.load(request);
        } catch (ConfigException e) {
            throw new CliException("Error loading config.toml: " + e.getMessage(), 1);
        } catch (IllegalArgumentException e) {
            throw new CliException("Error: " + e.getMessage(), 1);
        }
    }

    /**
     * The config request the shared flags describe; {@code extra} adds command-specific typed overrides (e.g.
     * exec's forced approval policy). The app-server reloads it per thread with the thread's parameters on top.
     */
    static ConfigLoadRequest request(CliIo io, SharedOptions shared, Consumer<ConfigOverrides.Builder> extra,
            boolean ignoreUserConfig) {
        shared.validate();
        Path codexHome;
        try {
            codexHome = CodexHome.resolve(io.env());
        } catch (CodexHome.InvalidCodexHomeException e) {
            throw new CliException("Error: " + e.getMessage(), 1);
        }
        Path cwd = shared.cd == null ? io.cwd() : io.cwd().resolve(shared.cd).normalize();
        ConfigOverrides.Builder overrides = ConfigOverrides.builder().model(shared.model).cwd(cwd)
                .localProvider(shared.localProvider);
        try {
            if (shared.sandbox != null) {
                overrides.sandboxMode(SandboxMode.fromWire(shared.sandbox));
            }
        } catch (IllegalArgumentException e) {
            throw new CliException("error: invalid value for '--sandbox <MODE>': " + e.getMessage(), 2);
        }
        if (shared.oss) {
            overrides.oss();
        }
        if (shared.fullAuto) {
            overrides.fullAuto();
        }
        if (shared.yolo) {
            overrides.dangerouslyBypassApprovalsAndSandbox();
        }
        shared.addDirs.forEach(d -> overrides.addWritableRoot(cwd.resolve(d).normalize()));
        shared.enable.forEach(overrides::enableFeature);
        shared.disable.forEach(overrides::disableFeature);
        extra.accept(overrides);
        try {
            ConfigLoadRequest.Builder builder = ConfigLoadRequest.builder(codexHome, cwd)
                    .cliOverrides(shared.configOverrides).profile(shared.profile).overrides(overrides.build())
                    .env(io.env());
            if (ignoreUserConfig) {
                builder.ignoreUserConfig();
            }
            return builder.build();
        } catch (ConfigException e) {
            throw new CliException("Error loading config.toml: " + e.getMessage(), 1);
        } catch (IllegalArgumentException e) {
            throw new CliException("Error parsing -c overrides: " + e.getMessage(), 1);
        }
    }
}
