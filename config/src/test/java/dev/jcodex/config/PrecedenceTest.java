package dev.jcodex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §8.2: layers system &lt; user &lt; project &lt; -c &lt; managed; then profile; then harness. */
class PrecedenceTest {

    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
    }

    @Test
    void builtInDefaultWhenNothingIsConfigured() {
        Config config = fx.load();

        assertThat(config.model()).isEqualTo("gpt-5.5");
        assertThat(config.modelSettings().configuredModel()).isNull();
        assertThat(config.modelSettings().modelProviderId()).isEqualTo("openai");
        assertThat(config.layers()).isEmpty();
    }

    @Test
    void userBeatsSystem() {
        fx.systemConfig("model = \"system\"\nmodel_verbosity = \"low\"\n");
        fx.userConfig("model = \"user\"\n");

        Config config = fx.load();

        assertThat(config.model()).isEqualTo("user");
        assertThat(config.modelSettings().verbosity()).isEqualTo(dev.jcodex.protocol.Verbosity.LOW);
        assertThat(config.layers()).extracting(ConfigLayer::kind)
                .containsExactly(ConfigLayer.Kind.SYSTEM, ConfigLayer.Kind.USER);
    }

    @Test
    void trustedProjectBeatsUserAndDeeperProjectWins() {
        fx.userConfig("model = \"user\"\nreview_model = \"user-review\"\n" + fx.trustRepo());
        fx.projectConfig(fx.repo, "model = \"repo\"\nreview_model = \"repo-review\"\n");
        fx.projectConfig(fx.cwd, "model = \"cwd\"\n");

        Config config = fx.load();

        assertThat(config.model()).isEqualTo("cwd");
        assertThat(config.modelSettings().reviewModel()).isEqualTo("repo-review");
        assertThat(config.layers()).extracting(ConfigLayer::kind).containsExactly(ConfigLayer.Kind.USER,
                ConfigLayer.Kind.PROJECT, ConfigLayer.Kind.PROJECT);
        assertThat(config.projects().projectRoot()).isEqualTo(fx.repo);
        assertThat(config.projects().trust()).contains(TrustLevel.TRUSTED);
    }

    @Test
    void projectLayersOfAnUntrustedProjectAreIgnoredWithANote() {
        fx.userConfig("model = \"user\"\n");
        Path file = fx.projectConfig(fx.repo, "model = \"repo\"\n");

        Config config = fx.load();

        assertThat(config.model()).isEqualTo("user");
        assertThat(config.layers()).last().satisfies(layer -> {
            assertThat(layer.kind()).isEqualTo(ConfigLayer.Kind.PROJECT);
            assertThat(layer.state()).isEqualTo(ConfigLayer.State.DISABLED_UNTRUSTED);
            assertThat(layer.file()).isEqualTo(file);
        });
        assertThat(config.diagnostics().warnings()).contains("Ignoring project config " + file + ": the project "
                + fx.repo + " is not trusted. To use it, set [projects.\"" + fx.repo
                + "\"] trust_level = \"trusted\" in " + fx.home.resolve("config.toml") + ".");
    }

    @Test
    void explicitlyUntrustedProjectIsIgnoredAndDefaultsToUntrustedApprovals() {
        fx.userConfig("[projects.\"" + fx.repo + "\"]\ntrust_level = \"untrusted\"\n");
        fx.projectConfig(fx.repo, "approval_policy = \"never\"\n");

        Config config = fx.load();

        assertThat(config.approvalPolicy()).isEqualTo(AskForApproval.UNTRUSTED);
        assertThat(config.permissions().sandboxMode()).isEqualTo(SandboxMode.WORKSPACE_WRITE);
        assertThat(config.diagnostics().warnings()).anyMatch(w -> w.contains("is marked untrusted"));
    }

    @Test
    void brokenProjectConfigOfAnUntrustedProjectDoesNotBreakStartUp() {
        fx.projectConfig(fx.repo, "model = \n");

        assertThat(fx.load().model()).isEqualTo("gpt-5.5");
    }

    @Test
    void trustIsLookedUpForCwdBeforeTheProjectRoot() {
        fx.userConfig(fx.trustRepo() + "[projects.\"" + fx.cwd + "\"]\ntrust_level = \"untrusted\"\n");

        assertThat(fx.load().projects().trust()).contains(TrustLevel.UNTRUSTED);
    }

    @Test
    void codexHomeInsideTheProjectIsNotReadAsAProjectLayer() {
        Path home = fx.repo.resolve(".codex");
        fx.write(home.resolve("config.toml"), "model = \"home\"\n" + fx.trustRepo());

        Config config = ConfigLoader.load(ConfigLoadRequest.builder(home, fx.cwd)
                .systemConfigFile(fx.etc.resolve("none.toml")).managedConfigFile(fx.etc.resolve("none.toml"))
                .requirementsFile(fx.etc.resolve("none.toml")).env(java.util.Map.of()).build());

        assertThat(config.layers()).extracting(ConfigLayer::kind).containsExactly(ConfigLayer.Kind.USER);
    }

    @Test
    void emptyProjectRootMarkersDisableTheUpwardSearch() {
        fx.userConfig("project_root_markers = []\n" + fx.trustRepo());
        fx.projectConfig(fx.repo, "model = \"repo\"\n");

        Config config = fx.load();

        assertThat(config.projects().projectRoot()).isEqualTo(fx.cwd);
        assertThat(config.model()).isEqualTo("gpt-5.5");
    }

    @Test
    void cliOverrideBeatsProjectAndLaterOverrideWins() {
        fx.userConfig("model = \"user\"\n" + fx.trustRepo());
        fx.projectConfig(fx.repo, "model = \"repo\"\n");

        Config config = ConfigLoader.load(fx.request().cliOverride("model=first").cliOverride("model=second")
                .build());

        assertThat(config.model()).isEqualTo("second");
        assertThat(config.layers()).last().extracting(ConfigLayer::kind).isEqualTo(ConfigLayer.Kind.SESSION_FLAGS);
    }

    @Test
    void cliOverrideTablesDeepMergeIntoTheFileTables() {
        fx.userConfig("[sandbox_workspace_write]\nwritable_roots = [\"/data\"]\n");

        Config config = ConfigLoader.load(fx.request()
                .cliOverride("sandbox_workspace_write={network_access=true}").build());

        assertThat(config.permissions().sandboxWorkspaceWrite())
                .isEqualTo(new SandboxWorkspaceWrite(List.of(Path.of("/data")), true, false, false));
    }

    @Test
    void cliOverrideReplacesANonTableIntermediate() {
        fx.userConfig("tui = 3\n");

        Config config = ConfigLoader.load(fx.request().cliOverride("tui.animations=false").build());

        assertThat(config.tui().animations()).isFalse();
    }

    @Test
    void managedConfigBeatsCliOverrides() {
        fx.managedConfig("model = \"managed\"\n");

        Config config = ConfigLoader.load(fx.request().cliOverride("model=cli").build());

        assertThat(config.model()).isEqualTo("managed");
    }

    @Test
    void profileBeatsCliOverrideForTheSameKey() {
        fx.userConfig("[profiles.fast]\nmodel = \"profile\"\n");

        Config config = ConfigLoader.load(fx.request().profile("fast").cliOverride("model=cli").build());

        assertThat(config.model()).isEqualTo("profile");
        assertThat(config.activeProfile()).isEqualTo("fast");
    }

    @Test
    void cliOverrideOfTheProfileKeyBeatsTheProfile() {
        fx.userConfig("[profiles.fast]\nmodel = \"profile\"\n");

        Config config = ConfigLoader.load(fx.request().profile("fast").cliOverride("profiles.fast.model=cli")
                .build());

        assertThat(config.model()).isEqualTo("cli");
    }

    @Test
    void topLevelProfileKeySelectsTheProfileAndFlagBeatsIt() {
        fx.userConfig("""
                profile = "a"
                model = "top"
                [profiles.a]
                model = "from-a"
                model_reasoning_effort = "high"
                [profiles.b]
                model = "from-b"
                """);

        assertThat(fx.load().model()).isEqualTo("from-a");
        assertThat(fx.load().modelSettings().reasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
        assertThat(ConfigLoader.load(fx.request().profile("b").build()).model()).isEqualTo("from-b");
    }

    @Test
    void profileValuesFallBackToTopLevelForKeysTheProfileDoesNotSet() {
        fx.userConfig("model_verbosity = \"high\"\n[profiles.a]\nmodel = \"m\"\n");

        Config config = ConfigLoader.load(fx.request().profile("a").build());

        assertThat(config.modelSettings().verbosity()).isEqualTo(dev.jcodex.protocol.Verbosity.HIGH);
    }

    @Test
    void keysAProfileMayNotSetAreReportedAndIgnored() {
        fx.userConfig("[profiles.a]\nproject_doc_max_bytes = 1\n");

        Config config = ConfigLoader.load(fx.request().profile("a").build());

        assertThat(config.instructions().projectDocMaxBytes()).isEqualTo(32768);
        assertThat(config.diagnostics().unknownKeys())
                .containsExactly(fx.home.resolve("config.toml") + ":2:25: unknown configuration key"
                        + " `profiles.a.project_doc_max_bytes`");
    }

    @Test
    void harnessOverrideBeatsProfile() {
        fx.userConfig("[profiles.a]\nmodel = \"profile\"\nsandbox_mode = \"read-only\"\n");

        Config config = ConfigLoader.load(fx.request().profile("a").overrides(ConfigOverrides.builder()
                .model("flag").sandboxMode(SandboxMode.DANGER_FULL_ACCESS).build()).build());

        assertThat(config.model()).isEqualTo("flag");
        assertThat(config.sandboxPolicy()).isEqualTo(new dev.jcodex.protocol.SandboxPolicy.DangerFullAccess());
        assertThat(config.diagnostics().unknownKeys()).isEmpty();
    }

    @Test
    void configValuesOverriddenByAFlagAreStillValidated() {
        Path file = fx.userConfig("sandbox_mode = \"full\"\n");

        assertThatThrownBy(() -> ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder()
                .sandboxMode(SandboxMode.READ_ONLY).build()).build()))
                .hasMessageStartingWith(file + ":1:16: invalid value for sandbox_mode");
    }

    @Test
    void unknownProfileIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(fx.request().profile("nope").build()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config profile `nope` not found");
    }

    @Test
    void unknownProfileNamedInConfigPointsAtTheKey() {
        Path file = fx.userConfig("profile = \"nope\"\n");

        assertThatThrownBy(fx::load).hasMessage(file + ":1:11: profile: config profile `nope` not found");
    }

    @Test
    void ignoreUserConfigSkipsTheUserFileOnly() {
        fx.systemConfig("model = \"system\"\n");
        fx.userConfig("model = \"user\"\n");

        Config config = ConfigLoader.load(fx.request().ignoreUserConfig().build());

        assertThat(config.model()).isEqualTo("system");
        assertThat(config.codexHome()).isEqualTo(fx.home);
    }

    @Test
    void cdFlagMovesTheCwdUsedForProjectDiscovery() {
        fx.userConfig(fx.trustRepo());
        fx.projectConfig(fx.repo, "model = \"repo\"\n");

        Config config = ConfigLoader.load(ConfigLoadRequest.builder(fx.home, fx.root)
                .systemConfigFile(fx.etc.resolve("x")).managedConfigFile(fx.etc.resolve("x"))
                .requirementsFile(fx.etc.resolve("x")).env(java.util.Map.of())
                .overrides(ConfigOverrides.builder().cwd(Path.of("repo/sub/dir")).build()).build());

        assertThat(config.cwd()).isEqualTo(fx.cwd);
        assertThat(config.model()).isEqualTo("repo");
    }
}
