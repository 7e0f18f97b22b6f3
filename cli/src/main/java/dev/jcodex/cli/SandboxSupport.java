package dev.jcodex.cli;

import dev.jcodex.config.Config;
import dev.jcodex.config.ShellEnvironmentPolicy;
import dev.jcodex.process.EnvPolicy;
import dev.jcodex.sandbox.SandboxMechanism;
import dev.jcodex.sandbox.SandboxSelector;
import java.util.Map;

/** What the {@code codex sandbox …} commands share: the child environment and the choice of mechanism. */
final class SandboxSupport {
    private SandboxSupport() {}

    /**
     * The environment a sandboxed command gets: {@code [shell_environment_policy]} applied to {@code parentEnv}
     * (secrets filtered unless the user opted out). No {@code CODEX_THREAD_ID}: these commands have no thread.
     */
    static Map<String, String> childEnv(Config config, Map<String, String> parentEnv) {
        return envPolicy(config.permissions().shellEnvironmentPolicy()).apply(parentEnv);
    }

    /** The config's policy expressed as the process module's {@link EnvPolicy}. */
    static EnvPolicy envPolicy(ShellEnvironmentPolicy policy) {
        EnvPolicy.Inherit inherit = switch (policy.inherit()) {
            case ALL -> EnvPolicy.Inherit.ALL;
            case CORE -> EnvPolicy.Inherit.CORE;
            case NONE -> EnvPolicy.Inherit.NONE;
        };
        return new EnvPolicy(inherit, policy.ignoreDefaultExcludes() ? EnvPolicy.DefaultExcludes.IGNORE
                : EnvPolicy.DefaultExcludes.APPLY, policy.exclude(), policy.set(), policy.includeOnly());
    }

    /** {@link SandboxSelector#detect()}, or the mechanism forced by the hidden {@code --sandbox-mechanism} flag. */
    static SandboxSelector selector(SandboxMechanism forced) {
        return forced == null ? SandboxSelector.detect() : SandboxSelector.using(forced);
    }
}
