package dev.jcodex.appserver;

import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.core.CoreEnvironment;
import java.util.Objects;

/**
 * How an {@link AppServer} is set up.
 *
 * @param environment process-wide core inputs; its {@code originator} is replaced by the {@code clientInfo.name}
 *     of the first {@code initialize} (the reference does the same)
 * @param baseConfig the front end's config request: {@code CODEX_HOME}, cwd, {@code -c} overrides, profile and
 *     typed flag overrides. Each {@code thread/start|resume|fork} loads its config from this request with the
 *     request's own params applied on top
 * @param threadSource the session source recorded for threads this server creates ({@code exec}, {@code cli},
 *     {@code vscode}, {@code mcp})
 */
public record AppServerOptions(CoreEnvironment environment, ConfigLoadRequest baseConfig, String threadSource) {

    public AppServerOptions {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(baseConfig, "baseConfig");
        threadSource = threadSource == null || threadSource.isBlank() ? "cli" : threadSource;
    }

    /**
     * Options for a front end, which never touches {@code core} itself: the core environment is built here with
     * a lazily created HTTP client.
     *
     * @param codexHome {@code $CODEX_HOME}
     * @param env the process environment
     * @param originator the client name until {@code initialize} names one (e.g. {@code codex_exec})
     * @param cliVersion version of this binary
     */
    public static AppServerOptions of(java.nio.file.Path codexHome, java.util.Map<String, String> env,
            String originator, String cliVersion, ConfigLoadRequest baseConfig, String threadSource) {
        return new AppServerOptions(CoreEnvironment.of(codexHome, env, originator, cliVersion), baseConfig,
                threadSource);
    }
}
