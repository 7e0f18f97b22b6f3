package dev.jcodex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed areas: defaults, resolved values and shapes. */
class SettingsTest {

    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
    }

    @Test
    void defaultsOfEveryArea() {
        Config c = fx.load();

        assertThat(c.approvalPolicy()).isEqualTo(AskForApproval.ON_REQUEST);
        assertThat(c.sandboxPolicy()).isEqualTo(new SandboxPolicy.ReadOnly());
        assertThat(c.permissions().shellEnvironmentPolicy()).isEqualTo(ShellEnvironmentPolicy.defaults());
        assertThat(c.instructions()).isEqualTo(new InstructionSettings(null, null, null, null, null, true, true, true,
                32768, List.of(), List.of(".git")));
        assertThat(c.history()).isEqualTo(new HistorySettings(HistorySettings.Persistence.SAVE_ALL, null));
        assertThat(c.tui()).isEqualTo(new TuiSettings(true, List.of(), TuiSettings.NotificationMethod.AUTO,
                TuiSettings.NotificationCondition.UNFOCUSED, true, true, TuiSettings.AlternateScreen.AUTO,
                List.of("model-with-reasoning", "current-dir"), List.of("spinner", "project"), null));
        assertThat(c.ui()).isEqualTo(new UiSettings(null, false, false, UiSettings.FileOpener.VSCODE, false, true,
                false, null));
        assertThat(c.tools()).isEqualTo(new ToolsSettings(WebSearchMode.CACHED, Map.of(), true, Map.of()));
        assertThat(c.otel()).isEqualTo(new OtelSettings("dev", new OtelSettings.Exporter.None(),
                new OtelSettings.Exporter.None(), new OtelSettings.Exporter.None(), false));
        assertThat(c.auth()).isEqualTo(new AuthSettings(AuthSettings.CredentialsStore.FILE, null, null,
                AuthSettings.OAuthCredentialsStore.AUTO, null, null));
        assertThat(c.sqliteHome()).isEqualTo(fx.home);
        assertThat(c.logDir()).isEqualTo(fx.home.resolve("log"));
        assertThat(c.modelProvider()).isEqualTo(ModelProviderInfo.openAi(null));
        assertThat(c.mcpServers()).isEmpty();
        assertThat(c.diagnostics()).isEqualTo(new ConfigDiagnostics(List.of(), List.of()));
    }

    @Test
    void trustedProjectDefaultsToWorkspaceWrite() {
        fx.userConfig(fx.trustRepo());

        Config c = fx.load();

        assertThat(c.approvalPolicy()).isEqualTo(AskForApproval.ON_REQUEST);
        assertThat(c.sandboxPolicy()).isEqualTo(new SandboxPolicy.WorkspaceWrite(List.of(), false, false, false));
    }

    @Test
    void workspaceWritePolicyCombinesConfigRootsAndAddDirs() {
        fx.userConfig("""
                sandbox_mode = "workspace-write"
                [sandbox_workspace_write]
                writable_roots = ["/data", "rel", "~/notes"]
                network_access = true
                exclude_slash_tmp = true
                """);

        Config c = ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder()
                .addWritableRoot(Path.of("extra")).addWritableRoot(Path.of("/data")).build()).build());

        assertThat(c.sandboxPolicy()).isEqualTo(new SandboxPolicy.WorkspaceWrite(List.of("/data",
                fx.home.resolve("rel").toString(), fx.root.resolve("notes").toString(),
                fx.cwd.resolve("extra").toString()), true, false, true));
    }

    @Test
    void addDirWithReadOnlySandboxIsIgnoredWithAWarning() {
        Config c = ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder()
                .addWritableRoot(Path.of("/x")).build()).build());

        assertThat(c.sandboxPolicy()).isEqualTo(new SandboxPolicy.ReadOnly());
        assertThat(c.diagnostics().warnings()).anyMatch(w -> w.startsWith("Ignoring --add-dir (/x)"));
    }

    @Test
    void fullAutoAndYoloShorthands() {
        ConfigOverrides fullAuto = ConfigOverrides.builder().fullAuto().build();
        assertThat(fullAuto.sandboxMode()).isEqualTo(SandboxMode.WORKSPACE_WRITE);
        assertThat(fullAuto.approvalPolicy()).isEqualTo(AskForApproval.ON_REQUEST);

        ConfigOverrides execFullAuto = ConfigOverrides.builder().approvalPolicy(AskForApproval.NEVER).fullAuto()
                .build();
        assertThat(execFullAuto.approvalPolicy()).isEqualTo(AskForApproval.NEVER);

        Config yolo = ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder()
                .dangerouslyBypassApprovalsAndSandbox().build()).build());
        assertThat(yolo.approvalPolicy()).isEqualTo(AskForApproval.NEVER);
        assertThat(yolo.sandboxPolicy()).isEqualTo(new SandboxPolicy.DangerFullAccess());
    }

    @Test
    void shellEnvironmentPolicyFiltersSecretsByDefault() {
        Map<String, String> parent = Map.of("PATH", "/bin", "OPENAI_API_KEY", "sk", "GH_TOKEN", "t", "HOME", "/h",
                "EDITOR", "vi");

        Map<String, String> env = ShellEnvironmentPolicy.defaults().apply(parent, "thread-1");

        assertThat(env).isEqualTo(Map.of("PATH", "/bin", "HOME", "/h", "EDITOR", "vi", "CODEX_THREAD_ID",
                "thread-1"));
    }

    @Test
    void shellEnvironmentPolicyFromConfig() {
        fx.userConfig("""
                [shell_environment_policy]
                inherit = "core"
                ignore_default_excludes = true
                exclude = ["pat?"]
                set = { FOO = "bar" }
                include_only = ["*a*", "home", "f*"]
                """);
        Map<String, String> parent = Map.of("PATH", "/bin", "PATH2", "x", "HOME", "/h", "LANG", "C", "EDITOR", "vi");

        Map<String, String> env = fx.load().permissions().shellEnvironmentPolicy().apply(parent, "t");

        assertThat(env).isEqualTo(Map.of("HOME", "/h", "LANG", "C", "FOO", "bar", "CODEX_THREAD_ID", "t"));
    }

    @Test
    void mcpServersOfBothTransports() {
        fx.userConfig("""
                [mcp_servers.docs]
                command = "npx"
                args = ["-y", "docs"]
                env = { A = "1" }
                env_vars = ["B"]
                cwd = "/srv"
                startup_timeout_ms = 2500
                tool_timeout_sec = 1.5
                enabled_tools = ["search"]
                [mcp_servers.docs.tools.search]
                approval_mode = "approve"
                [mcp_servers.web]
                url = "https://mcp.example/mcp"
                bearer_token_env_var = "TOKEN"
                http_headers = { X = "y" }
                required = true
                startup_timeout_sec = 20
                default_tools_approval_mode = "prompt"
                """);

        Map<String, McpServerConfig> servers = fx.load().mcpServers();

        assertThat(servers.keySet()).containsExactly("docs", "web");
        assertThat(servers.get("docs")).isEqualTo(new McpServerConfig("docs",
                new McpServerConfig.Transport.Stdio("npx", List.of("-y", "docs"), Map.of("A", "1"), List.of("B"),
                        Path.of("/srv")),
                true, false, Duration.ofMillis(2500), Duration.ofMillis(1500), List.of("search"), List.of(), false,
                null, Map.of("search", McpServerConfig.ToolApprovalMode.APPROVE), List.of(), null));
        assertThat(servers.get("web")).isEqualTo(new McpServerConfig("web",
                new McpServerConfig.Transport.StreamableHttp("https://mcp.example/mcp", "TOKEN", Map.of("X", "y"),
                        Map.of()),
                true, true, Duration.ofSeconds(20), McpServerConfig.DEFAULT_TOOL_TIMEOUT, null, List.of(), false,
                McpServerConfig.ToolApprovalMode.PROMPT, Map.of(), List.of(), null));
    }

    @Test
    void customProviderAndOpenAiBaseUrl() {
        fx.userConfig("""
                model_provider = "mock"
                openai_base_url = "http://127.0.0.1:9/v1"
                [model_providers.mock]
                name = "Mock"
                base_url = "http://127.0.0.1:8/v1"
                env_key = "MOCK_KEY"
                wire_api = "chat"
                query_params = { "api-version" = "1" }
                request_max_retries = 2
                stream_idle_timeout_ms = 1000
                [model_providers.openai]
                base_url = "http://ignored"
                """);

        Config c = fx.load();

        assertThat(c.modelProvider()).isEqualTo(new ModelProviderInfo("mock", "Mock", "http://127.0.0.1:8/v1",
                "MOCK_KEY", null, null, WireApi.CHAT, Map.of("api-version", "1"), Map.of(), Map.of(), 2, null, 1000L,
                false, false));
        assertThat(c.modelSettings().modelProviders().get("openai").baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(c.diagnostics().warnings()).anyMatch(w -> w.endsWith("[model_providers.openai] is ignored:"
                + " built-in provider ids cannot be replaced (use openai_base_url)"));
    }

    @Test
    void providerAuthCommandDefaults() {
        fx.userConfig("[model_providers.p.auth]\ncommand = \"print-token\"\nargs = [\"--x\"]\n");

        ModelProviderInfo p = fx.load().modelSettings().modelProviders().get("p");

        assertThat(p.auth()).isEqualTo(new ProviderAuthCommand("print-token", List.of("--x"), 5000, 300000,
                fx.home));
    }

    @Test
    void ossUsesTheLocalProviderAndItsDefaultModel() {
        fx.userConfig("oss_provider = \"lmstudio\"\nmodel = \"ignored-with-oss\"\n");

        Config c = ConfigLoader.load(fx.request().env(Map.of("CODEX_OSS_PORT", "4321"))
                .overrides(ConfigOverrides.builder().oss().build()).build());

        assertThat(c.modelSettings().modelProviderId()).isEqualTo("lmstudio");
        assertThat(c.model()).isEqualTo("openai/gpt-oss-20b");
        assertThat(c.modelProvider().baseUrl()).isEqualTo("http://localhost:4321/v1");
    }

    @Test
    void ossWithoutAProviderIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder().oss().build())
                .build())).hasMessage("No default OSS provider configured. Use --local-provider=provider or set"
                        + " oss_provider to one of: lmstudio, ollama in config.toml");
    }

    @Test
    void ossBaseUrlEnvWinsAndLocalProviderFlagWinsOverConfig() {
        fx.userConfig("oss_provider = \"lmstudio\"\n");

        Config c = ConfigLoader.load(fx.request().env(Map.of("CODEX_OSS_BASE_URL", "http://box:1/v1"))
                .overrides(ConfigOverrides.builder().oss().localProvider("ollama").model("qwen").build()).build());

        assertThat(c.modelProvider()).isEqualTo(ModelProviderInfo.localOss("ollama", "http://box:1/v1"));
        assertThat(c.model()).isEqualTo("qwen");
    }

    @Test
    void webSearchFromTopLevelLegacyFeatureAndFlag() {
        fx.userConfig("web_search = \"disabled\"\n");
        assertThat(fx.load().tools().webSearch()).isEqualTo(WebSearchMode.DISABLED);

        fx.userConfig("[features]\nweb_search_request = true\n");
        assertThat(fx.load().tools().webSearch()).isEqualTo(WebSearchMode.LIVE);

        fx.userConfig("web_search = \"disabled\"\n");
        assertThat(ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder().webSearch(WebSearchMode.LIVE)
                .build()).build()).tools().webSearch()).isEqualTo(WebSearchMode.LIVE);
        assertThat(fx.load().diagnostics().unknownKeys()).isEmpty();
    }

    @Test
    void modelInstructionsFileIsReadRelativeToItsConfigFile() {
        fx.write(fx.home.resolve("prompts/base.md"), "You are terse.");
        fx.userConfig("model_instructions_file = \"prompts/base.md\"\n");

        InstructionSettings instructions = fx.load().instructions();

        assertThat(instructions.modelInstructionsFile()).isEqualTo(fx.home.resolve("prompts/base.md"));
        assertThat(instructions.baseInstructions()).isEqualTo("You are terse.");
    }

    @Test
    void tuiOtelHistoryAuthAndUiKeys() {
        fx.userConfig("""
                notify = ["notify-send", "codex"]
                file_opener = "vscode-insiders"
                show_raw_agent_reasoning = true
                cli_auth_credentials_store = "keyring"
                forced_login_method = "api"
                [history]
                persistence = "none"
                max_bytes = 1024
                [tui]
                notifications = ["agent-turn-complete"]
                alternate_screen = "never"
                [otel]
                environment = "prod"
                log_user_prompt = true
                exporter = { otlp-http = { endpoint = "http://c:4318", protocol = "json", headers = { a = "b" } } }
                trace_exporter = { otlp-grpc = { endpoint = "http://c:4317" } }
                """);

        Config c = fx.load();

        assertThat(c.ui().notifyCommand()).containsExactly("notify-send", "codex");
        assertThat(c.ui().fileOpener()).isEqualTo(UiSettings.FileOpener.VSCODE_INSIDERS);
        assertThat(c.ui().showRawAgentReasoning()).isTrue();
        assertThat(c.auth().cliAuthCredentialsStore()).isEqualTo(AuthSettings.CredentialsStore.KEYRING);
        assertThat(c.auth().forcedLoginMethod()).isEqualTo(AuthSettings.LoginMethod.API);
        assertThat(c.history()).isEqualTo(new HistorySettings(HistorySettings.Persistence.NONE, 1024L));
        assertThat(c.tui().notificationKinds()).containsExactly("agent-turn-complete");
        assertThat(c.tui().alternateScreen()).isEqualTo(TuiSettings.AlternateScreen.NEVER);
        assertThat(c.otel()).isEqualTo(new OtelSettings("prod",
                new OtelSettings.Exporter.OtlpHttp("http://c:4318", OtelSettings.Protocol.JSON, Map.of("a", "b")),
                new OtelSettings.Exporter.OtlpGrpc("http://c:4317", Map.of()), new OtelSettings.Exporter.None(),
                true));
        assertThat(c.diagnostics().unknownKeys()).isEmpty();
    }

    @Test
    void effectiveValuesKeepUntypedTablesForOtherModules() {
        fx.userConfig("[apps.github]\nenabled = false\n");

        assertThat(fx.load().effective()).containsEntry("apps", Map.of("github", Map.of("enabled", false)));
    }

    @Test
    void execOssFlagsShowRawReasoningOverConfig() {
        fx.userConfig("show_raw_agent_reasoning = false\n");

        Config c = ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder().showRawAgentReasoning()
                .build()).build());

        assertThat(c.ui().showRawAgentReasoning()).isTrue();
    }

    @Test
    void outputSchemaResolvesAgainstCwd() {
        Config c = ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder()
                .outputSchema(Path.of("schema.json")).build()).build());

        assertThat(c.outputSchema()).isEqualTo(fx.cwd.resolve("schema.json"));
    }
}
