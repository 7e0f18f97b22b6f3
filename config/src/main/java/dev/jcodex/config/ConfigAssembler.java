package dev.jcodex.config;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Applies the active profile to the merged tree and types every area into a {@link Config}. */
final class ConfigAssembler {

    private static final System.Logger LOG = System.getLogger(ConfigAssembler.class.getName());
    /** Unknown keys already logged in this JVM: each is reported once. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    /** Keys a {@code [profiles.<name>]} table may set (the reference's {@code ConfigProfile}). */
    static final Set<String> PROFILE_KEYS = Set.of("model", "service_tier", "model_provider", "approval_policy",
            "approvals_reviewer", "sandbox_mode", "model_reasoning_effort", "plan_mode_reasoning_effort",
            "model_reasoning_summary", "model_verbosity", "model_catalog_json", "personality", "chatgpt_base_url",
            "openai_file_api_base_url", "model_instructions_file", "js_repl_node_path", "js_repl_node_module_dirs",
            "zsh_path", "experimental_instructions_file", "experimental_compact_prompt_file",
            "include_apply_patch_tool", "include_permissions_instructions", "include_apps_instructions",
            "include_environment_context", "experimental_use_unified_exec_tool",
            "experimental_use_freeform_apply_patch", "tools_view_image", "tools", "web_search", "analytics",
            "windows", "features", "oss_provider");

    /** Keys and tables of the reference we accept and expose untyped through {@link Config#effective()}. */
    private static final List<String> UNTYPED_KNOWN = List.of("analytics", "feedback", "apps", "plugins",
            "marketplaces", "skills", "agents", "memories", "hooks", "ghost_snapshot", "notice", "audio", "realtime",
            "windows", "auto_review", "js_repl_node_path", "js_repl_node_module_dirs", "openai_file_api_base_url",
            "experimental_realtime_ws_base_url", "experimental_realtime_ws_model",
            "experimental_realtime_ws_backend_prompt", "experimental_realtime_start_instructions");

    private final ParseContext ctx;
    private final TomlNode.Table merged;
    private final String requestedProfile;
    private final Path projectRoot;
    private final List<ConfigLayer> layers;
    private final KeyUsage usage = new KeyUsage();

    ConfigAssembler(ParseContext ctx, TomlNode.Table merged, String requestedProfile, Path projectRoot,
            List<ConfigLayer> layers) {
        this.ctx = ctx;
        this.merged = merged;
        this.requestedProfile = requestedProfile;
        this.projectRoot = projectRoot;
        this.layers = layers;
    }

    Config assemble() {
        TableReader mergedReader = new TableReader(merged, List.of(), new KeyUsage(), ctx.env());
        String profileName = requestedProfile != null ? requestedProfile : mergedReader.string("profile");
        TomlNode.Table profile = profileTable(mergedReader, profileName);
        List<String> unknown = new ArrayList<>();
        TomlNode.Table effective = merged.copy();
        if (profile != null) {
            applyProfile(effective, profile, profileName, unknown);
        }
        TableReader root = new TableReader(effective, List.of(), usage, ctx.env());
        root.string("profile");
        root.opaque("profiles");
        UNTYPED_KNOWN.forEach(root::opaque);

        UiSettings ui = UiSettings.parse(root, ctx);
        root.opaque("features");
        FeatureResolver.LEGACY_TOGGLES.keySet().forEach(root::bool);
        TableReader profileReader = profile == null ? null
                : new TableReader(profile, List.of("profiles", profileName), new KeyUsage(), ctx.env());
        Features features = FeatureResolver.resolve(mergedReader, profileReader, ctx.requirements(),
                ui.suppressUnstableFeaturesWarning(), ctx.warnings());

        ModelSettings model = ModelSettings.parse(root, ctx);
        InstructionSettings instructions = InstructionSettings.parse(root, ctx);
        PermissionSettings permissions = PermissionSettings.parse(root, ctx);
        Map<String, McpServerConfig> mcp = McpServerConfig.parseAll(root, ctx);
        ToolsSettings tools = ToolsSettings.parse(root, ctx, features);
        ProjectSettings projects = new ProjectSettings(ProjectSettings.parseProjects(root), projectRoot,
                ctx.projectTrust());
        Path sqliteHome = root.path("sqlite_home");
        if (sqliteHome == null) {
            String fromEnv = ctx.env().get("CODEX_SQLITE_HOME");
            sqliteHome = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : ctx.codexHome();
        }
        Path logDir = root.path("log_dir");
        HistorySettings history = HistorySettings.parse(root);
        TuiSettings tui = TuiSettings.parse(root);
        OtelSettings otel = OtelSettings.parse(root);
        AuthSettings auth = AuthSettings.parse(root);

        usage.unknownKeys(effective).forEach(key -> unknown.add(key.describe()));
        for (String entry : unknown) {
            if (REPORTED.add(entry)) {
                LOG.log(Level.WARNING, entry);
            }
        }
        return new Config(ctx.codexHome(), ctx.cwd(), profile == null ? null : profileName, model, instructions,
                permissions, mcp, tools, features, history, tui, ui, otel, auth, projects, sqliteHome,
                logDir != null ? logDir : ctx.codexHome().resolve("log"), outputSchema(), ctx.requirements(), layers,
                effective.toPlain(), new ConfigDiagnostics(ctx.warnings(), unknown));
    }

    private Path outputSchema() {
        Path schema = ctx.overrides().outputSchema();
        return schema == null ? null : ctx.cwd().resolve(schema).toAbsolutePath().normalize();
    }

    private static TomlNode.Table profileTable(TableReader merged, String name) {
        if (name == null) {
            return null;
        }
        TableReader profiles = merged.table("profiles");
        TableReader profile = profiles == null ? null : profiles.table(name);
        if (profile == null) {
            String message = "config profile `" + name + "` not found";
            throw merged.has("profile") && name.equals(merged.string("profile"))
                    ? merged.error("profile", message) : new ConfigException(message);
        }
        return profile.node();
    }

    private static void applyProfile(TomlNode.Table effective, TomlNode.Table profile, String name,
            List<String> unknown) {
        for (Map.Entry<String, TomlNode> entry : profile.entries().entrySet()) {
            String key = entry.getKey();
            if (!PROFILE_KEYS.contains(key)) {
                unknown.add(new KeyUsage.UnknownKey(
                        org.tomlj.Toml.joinKeyPath(List.of("profiles", name, key)), entry.getValue().origin())
                        .describe());
                continue;
            }
            TomlNode.Table single = new TomlNode.Table(profile.origin());
            single.put(key, entry.getValue());
            effective.mergeFrom(single);
        }
    }
}
