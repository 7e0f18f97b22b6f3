package dev.jcodex.config;

import static dev.jcodex.config.FeatureStage.DEPRECATED;
import static dev.jcodex.config.FeatureStage.EXPERIMENTAL;
import static dev.jcodex.config.FeatureStage.REMOVED;
import static dev.jcodex.config.FeatureStage.STABLE;
import static dev.jcodex.config.FeatureStage.UNDER_DEVELOPMENT;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The feature flags of {@code [features]} (spec §8.5), with their config key, stage and default. Legacy keys are
 * mapped by {@link #forKey(String)}.
 */
public enum Feature {
    // Stable, on by default.
    SHELL_TOOL("shell_tool", STABLE, true),
    /** Off on Windows. */
    UNIFIED_EXEC("unified_exec", STABLE, !isWindows()),
    SHELL_SNAPSHOT("shell_snapshot", STABLE, true),
    GENERAL_ANALYTICS("general_analytics", STABLE, true),
    CODEX_HOOKS("codex_hooks", STABLE, true),
    ENABLE_REQUEST_COMPRESSION("enable_request_compression", STABLE, true),
    MULTI_AGENT("multi_agent", STABLE, true),
    APPS("apps", STABLE, true),
    TOOL_SEARCH("tool_search", STABLE, true),
    TOOL_SUGGEST("tool_suggest", STABLE, true),
    PLUGINS("plugins", STABLE, true),
    IN_APP_BROWSER("in_app_browser", STABLE, true),
    BROWSER_USE("browser_use", STABLE, true),
    COMPUTER_USE("computer_use", STABLE, true),
    IMAGE_GENERATION("image_generation", STABLE, true),
    SKILL_MCP_DEPENDENCY_INSTALL("skill_mcp_dependency_install", STABLE, true),
    GUARDIAN_APPROVAL("guardian_approval", STABLE, true),
    TOOL_CALL_MCP_ELICITATION("tool_call_mcp_elicitation", STABLE, true),
    PERSONALITY("personality", STABLE, true),
    FAST_MODE("fast_mode", STABLE, true),
    WORKSPACE_DEPENDENCIES("workspace_dependencies", STABLE, true),
    // Stable, off by default.
    /** Snapshots for {@code /undo}. */
    UNDO("undo", STABLE, false),
    // Experimental.
    JS_REPL("js_repl", EXPERIMENTAL, false),
    MEMORIES("memories", EXPERIMENTAL, false),
    EXTERNAL_MIGRATION("external_migration", EXPERIMENTAL, false),
    PREVENT_IDLE_SLEEP("prevent_idle_sleep", EXPERIMENTAL, false),
    // Under development.
    SHELL_ZSH_FORK("shell_zsh_fork", UNDER_DEVELOPMENT, false),
    CODE_MODE("code_mode", UNDER_DEVELOPMENT, false),
    CODE_MODE_ONLY("code_mode_only", UNDER_DEVELOPMENT, false),
    JS_REPL_TOOLS_ONLY("js_repl_tools_only", UNDER_DEVELOPMENT, false),
    CODEX_GIT_COMMIT("codex_git_commit", UNDER_DEVELOPMENT, false),
    RUNTIME_METRICS("runtime_metrics", UNDER_DEVELOPMENT, false),
    CHRONICLE("chronicle", UNDER_DEVELOPMENT, false),
    CHILD_AGENTS_MD("child_agents_md", UNDER_DEVELOPMENT, false),
    APPLY_PATCH_FREEFORM("apply_patch_freeform", UNDER_DEVELOPMENT, false),
    APPLY_PATCH_STREAMING_EVENTS("apply_patch_streaming_events", UNDER_DEVELOPMENT, false),
    EXEC_PERMISSION_APPROVALS("exec_permission_approvals", UNDER_DEVELOPMENT, false),
    REQUEST_PERMISSIONS_TOOL("request_permissions_tool", UNDER_DEVELOPMENT, false),
    MULTI_AGENT_V2("multi_agent_v2", UNDER_DEVELOPMENT, false),
    ENABLE_FANOUT("enable_fanout", UNDER_DEVELOPMENT, false),
    TOOL_SEARCH_ALWAYS_DEFER_MCP_TOOLS("tool_search_always_defer_mcp_tools", UNDER_DEVELOPMENT, false),
    UNAVAILABLE_DUMMY_TOOLS("unavailable_dummy_tools", UNDER_DEVELOPMENT, false),
    REMOTE_PLUGIN("remote_plugin", UNDER_DEVELOPMENT, false),
    SKILL_ENV_VAR_DEPENDENCY_PROMPT("skill_env_var_dependency_prompt", UNDER_DEVELOPMENT, false),
    DEFAULT_MODE_REQUEST_USER_INPUT("default_mode_request_user_input", UNDER_DEVELOPMENT, false),
    ARTIFACT("artifact", UNDER_DEVELOPMENT, false),
    REALTIME_CONVERSATION("realtime_conversation", UNDER_DEVELOPMENT, false),
    REMOTE_CONTROL("remote_control", UNDER_DEVELOPMENT, false),
    WORKSPACE_OWNER_USAGE_NUDGE("workspace_owner_usage_nudge", UNDER_DEVELOPMENT, false),
    // Deprecated.
    /** Use {@code web_search = "live"}. */
    WEB_SEARCH_REQUEST("web_search_request", DEPRECATED, false),
    /** Use {@code web_search = "cached"}. */
    WEB_SEARCH_CACHED("web_search_cached", DEPRECATED, false),
    USE_LEGACY_LANDLOCK("use_legacy_landlock", DEPRECATED, false),
    // Removed: accepted, no effect.
    SEARCH_TOOL("search_tool", REMOVED, false),
    SQLITE("sqlite", REMOVED, true),
    USE_LINUX_SANDBOX_BWRAP("use_linux_sandbox_bwrap", REMOVED, false),
    REQUEST_RULE("request_rule", REMOVED, false),
    EXPERIMENTAL_WINDOWS_SANDBOX("experimental_windows_sandbox", REMOVED, false),
    ELEVATED_WINDOWS_SANDBOX("elevated_windows_sandbox", REMOVED, false),
    REMOTE_MODELS("remote_models", REMOVED, false),
    STEER("steer", REMOVED, true),
    COLLABORATION_MODES("collaboration_modes", REMOVED, true),
    IMAGE_DETAIL_ORIGINAL("image_detail_original", REMOVED, false),
    TUI_APP_SERVER("tui_app_server", REMOVED, true),
    RESPONSES_WEBSOCKETS("responses_websockets", REMOVED, false),
    RESPONSES_WEBSOCKETS_V2("responses_websockets_v2", REMOVED, false);

    /** Old spellings accepted in {@code [features]} and by {@code --enable}/{@code --disable}. */
    private static final Map<String, Feature> LEGACY_KEYS = Map.of(
            "connectors", APPS,
            "enable_experimental_windows_sandbox", EXPERIMENTAL_WINDOWS_SANDBOX,
            "experimental_use_unified_exec_tool", UNIFIED_EXEC,
            "experimental_use_freeform_apply_patch", APPLY_PATCH_FREEFORM,
            "include_apply_patch_tool", APPLY_PATCH_FREEFORM,
            "request_permissions", EXEC_PERMISSION_APPROVALS,
            "web_search", WEB_SEARCH_REQUEST,
            "collab", MULTI_AGENT,
            "memory_tool", MEMORIES);

    private static final Map<String, Feature> BY_KEY = new HashMap<>();

    static {
        for (Feature feature : values()) {
            BY_KEY.put(feature.key, feature);
        }
    }

    private final String key;
    private final FeatureStage stage;
    private final boolean defaultEnabled;

    Feature(String key, FeatureStage stage, boolean defaultEnabled) {
        this.key = key;
        this.stage = stage;
        this.defaultEnabled = defaultEnabled;
    }

    /** The {@code [features]} key. */
    public String key() {
        return key;
    }

    public FeatureStage stage() {
        return stage;
    }

    public boolean defaultEnabled() {
        return defaultEnabled;
    }

    /** The feature for a canonical or legacy key. */
    public static Optional<Feature> forKey(String key) {
        Feature canonical = BY_KEY.get(key);
        return Optional.ofNullable(canonical != null ? canonical : LEGACY_KEYS.get(key));
    }

    /** Whether {@code key} is a legacy spelling (a deprecation note is due). */
    static boolean isLegacyKey(String key) {
        return !BY_KEY.containsKey(key) && LEGACY_KEYS.containsKey(key);
    }

    /**
     * The feature for a command-line name ({@code --enable}, {@code --disable}, {@code codex features enable}).
     *
     * @throws ConfigException {@code Unknown feature flag: <name>}
     */
    public static Feature require(String name) {
        return forKey(name).orElseThrow(() -> new ConfigException("Unknown feature flag: " + name));
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
