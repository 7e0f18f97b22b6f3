package dev.jcodex.config;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration: every layer merged (spec §8.2), the active profile and the harness overrides
 * applied, values typed and validated. Immutable; produced by {@link ConfigLoader#load(ConfigLoadRequest)}.
 *
 * @param codexHome {@code $CODEX_HOME}
 * @param cwd the effective working directory ({@code -C} applied), absolute
 * @param activeProfile the selected {@code [profiles.<name>]}, or null
 * @param modelSettings model and provider settings
 * @param instructions instruction and project-doc settings
 * @param permissions approvals, sandbox, child-process environment
 * @param mcpServers {@code [mcp_servers]} by name, in file order
 * @param tools web search and tool switches
 * @param features the effective feature flags
 * @param history {@code [history]}
 * @param tui {@code [tui]}
 * @param ui top-level behaviour keys ({@code notify}, {@code file_opener}, ...)
 * @param otel {@code [otel]}
 * @param auth login and credential storage
 * @param projects trust decisions and the cwd's project
 * @param sqliteHome {@code sqlite_home} (env {@code CODEX_SQLITE_HOME}; default CODEX_HOME)
 * @param logDir {@code log_dir} (default {@code $CODEX_HOME/log})
 * @param outputSchema {@code --output-schema} file, or null
 * @param requirements the {@code requirements.toml} constraints that applied
 * @param layers every layer, lowest precedence first
 * @param effective the merged values after the profile, as plain maps/lists/scalars (for {@code config/read}
 *                  and for keys this record does not type, e.g. {@code [apps]}, {@code [hooks]})
 * @param diagnostics warnings and unknown keys
 */
public record Config(
        Path codexHome,
        Path cwd,
        String activeProfile,
        ModelSettings modelSettings,
        InstructionSettings instructions,
        PermissionSettings permissions,
        Map<String, McpServerConfig> mcpServers,
        ToolsSettings tools,
        Features features,
        HistorySettings history,
        TuiSettings tui,
        UiSettings ui,
        OtelSettings otel,
        AuthSettings auth,
        ProjectSettings projects,
        Path sqliteHome,
        Path logDir,
        Path outputSchema,
        ConfigRequirements requirements,
        List<ConfigLayer> layers,
        Map<String, Object> effective,
        ConfigDiagnostics diagnostics) {

    public Config {
        mcpServers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mcpServers));
        layers = List.copyOf(layers);
    }

    /** The effective model slug. */
    public String model() {
        return modelSettings.model();
    }

    /** The selected model provider. */
    public ModelProviderInfo modelProvider() {
        return modelSettings.modelProvider();
    }

    /** The effective approval policy (spec §6.1 defaults, requirements applied). */
    public AskForApproval approvalPolicy() {
        return permissions.approvalPolicy();
    }

    /** The sandbox policy built from {@code sandbox_mode}, {@code [sandbox_workspace_write]} and {@code --add-dir}. */
    public SandboxPolicy sandboxPolicy() {
        return permissions.sandboxPolicy();
    }

    /** {@code $CODEX_HOME/config.toml}, the file {@link ConfigEditor} edits. */
    public Path userConfigFile() {
        return codexHome.resolve(ConfigLoader.CONFIG_FILE_NAME);
    }
}
