package dev.jcodex.appserver;

import dev.jcodex.config.Config;
import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.config.ConfigLoader;
import dev.jcodex.config.ConfigOverrides;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Loads the config of one {@code thread/start|resume|fork}: the server's base request with the params on top.
 * Typed params beat the base's typed flags; {@code config} entries (and the few params that are plain config
 * keys) are appended to the base's {@code -c} overrides, so they beat those too.
 */
final class ThreadConfigs {
    private final ConfigLoadRequest base;

    /**
     * The params of one thread request that shape its config; every member may be null.
     *
     * @param config dotted keys with JSON values
     * @param configKeys further {@code key → JSON} entries from typed params that are plain config keys
     */
    record Params(String model, String modelProvider, String cwd, AskForApproval approvalPolicy,
            SandboxMode sandbox, Map<String, JsonNode> config, String baseInstructions,
            String developerInstructions, Map<String, String> configKeys) {}

    ThreadConfigs(ConfigLoadRequest base) {
        this.base = base;
    }

    /** The effective config; throws {@code ConfigException} with a message for the user. */
    Config load(Params p) {
        return ConfigLoader.load(request(p));
    }

    ConfigLoadRequest request(Params p) {
        List<String> cli = new ArrayList<>(base.cliOverrides());
        if (p.configKeys() != null) {
            p.configKeys().forEach((key, value) -> {
                if (value != null) {
                    cli.add(key + "=" + TomlLiterals.quote(value));
                }
            });
        }
        if (p.config() != null) {
            p.config().forEach((key, value) -> {
                String literal = TomlLiterals.of(value);
                if (literal != null) {
                    cli.add(key + "=" + literal);
                }
            });
        }
        return new ConfigLoadRequest(base.codexHome(), base.cwd(), cli, base.profile(), overrides(p),
                base.userConfig(), base.systemConfigFile(), base.managedConfigFile(), base.requirementsFile(),
                base.env());
    }

    private ConfigOverrides overrides(Params p) {
        ConfigOverrides o = base.overrides();
        return new ConfigOverrides(
                or(p.model(), o.model()),
                o.reviewModel(),
                or(p.modelProvider(), o.modelProvider()),
                or(p.approvalPolicy(), o.approvalPolicy()),
                or(p.sandbox(), o.sandboxMode()),
                p.cwd() != null ? Path.of(p.cwd()) : o.cwd(),
                o.oss(),
                o.localProvider(),
                o.additionalWritableRoots(),
                o.outputSchema(),
                or(p.baseInstructions(), o.baseInstructions()),
                or(p.developerInstructions(), o.developerInstructions()),
                o.showRawAgentReasoning(),
                o.webSearch(),
                o.reasoningEffort(),
                o.featureToggles());
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
