package dev.jcodex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsTest {

    @TempDir
    Path tmp;
    Fixture fx;
    Path requirements;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
        requirements = fx.etc.resolve("requirements.toml");
    }

    @Test
    void missingFileMeansNoConstraints() {
        assertThat(fx.load().requirements()).isEqualTo(ConfigRequirements.none());
    }

    @Test
    void parsesEveryTypedKey() {
        fx.requirements("""
                allowed_approval_policies = ["on-request", "untrusted"]
                allowed_sandbox_modes = ["read-only", "workspace-write"]
                allowed_web_search_modes = ["cached"]
                allowed_approvals_reviewers = ["user"]
                enforce_residency = "us"
                [features]
                memories = false
                [mcp_servers.docs.identity]
                command = "npx"
                [rules]
                prefix_rules = []
                """);

        ConfigRequirements parsed = ConfigRequirements.load(requirements);

        assertThat(parsed).isEqualTo(new ConfigRequirements(requirements,
                List.of(AskForApproval.ON_REQUEST, AskForApproval.UNTRUSTED),
                List.of(SandboxMode.READ_ONLY, SandboxMode.WORKSPACE_WRITE),
                List.of(WebSearchMode.CACHED, WebSearchMode.DISABLED),
                List.of(ApprovalsReviewer.USER),
                Map.of("memories", false),
                Map.of("docs", new ConfigRequirements.McpServerIdentity("npx", null)),
                "us",
                Map.of("rules", Map.of("prefix_rules", List.of()))));
    }

    @Test
    void explicitApprovalPolicyOutsideTheAllowedSetIsAnError() {
        fx.requirements("allowed_approval_policies = [\"untrusted\", \"on-request\"]\n");
        Path user = fx.userConfig("approval_policy = \"never\"\n");

        assertThatThrownBy(fx::load).hasMessage(user + ":1:19: invalid value for approval_policy: \"never\" is not"
                + " in the allowed set [untrusted, on-request] (set by " + requirements + ")");
    }

    @Test
    void harnessOverrideOutsideTheAllowedSetIsAnError() {
        fx.requirements("allowed_sandbox_modes = [\"read-only\"]\n");

        assertThatThrownBy(() -> ConfigLoader.load(fx.request().overrides(ConfigOverrides.builder()
                .dangerouslyBypassApprovalsAndSandbox().build()).build()))
                .hasMessage("override of sandbox_mode (command line): invalid value for sandbox_mode:"
                        + " \"danger-full-access\" is not in the allowed set [read-only] (set by " + requirements + ")");
    }

    @Test
    void defaultedValuesAreClampedToTheFirstAllowedOne() {
        fx.requirements("allowed_approval_policies = [\"untrusted\"]\nallowed_sandbox_modes = [\"read-only\"]\n");
        fx.userConfig(fx.trustRepo());

        Config config = fx.load();

        assertThat(config.approvalPolicy()).isEqualTo(AskForApproval.UNTRUSTED);
        assertThat(config.permissions().sandboxMode()).isEqualTo(SandboxMode.READ_ONLY);
    }

    @Test
    void sandboxAllowListMustContainReadOnly() {
        fx.requirements("allowed_sandbox_modes = [\"workspace-write\"]\n");

        assertThatThrownBy(fx::load)
                .hasMessage(requirements + ":1:25: allowed_sandbox_modes: must include \"read-only\"");
    }

    @Test
    void emptyAllowListIsAnError() {
        fx.requirements("allowed_approval_policies = []\n");

        assertThatThrownBy(fx::load).hasMessage(requirements + ":1:29: allowed_approval_policies: cannot be empty");
    }

    @Test
    void unknownEntryInAnAllowList() {
        fx.requirements("allowed_approval_policies = [\"sometimes\"]\n");

        assertThatThrownBy(fx::load).hasMessage(requirements + ":1:29: allowed_approval_policies: invalid entry"
                + " \"sometimes\": expected one of untrusted, on-failure, on-request, never");
    }

    @Test
    void webSearchDefaultPrefersCachedThenLiveThenDisabled() {
        fx.requirements("allowed_web_search_modes = [\"live\"]\n");
        assertThat(fx.load().tools().webSearch()).isEqualTo(WebSearchMode.LIVE);

        fx.requirements("allowed_web_search_modes = [\"disabled\"]\n");
        assertThat(fx.load().tools().webSearch()).isEqualTo(WebSearchMode.DISABLED);
    }

    @Test
    void searchFlagOutsideTheAllowedSetIsAnError() {
        fx.requirements("allowed_web_search_modes = [\"cached\"]\n");

        assertThatThrownBy(() -> ConfigLoader.load(fx.request()
                .overrides(ConfigOverrides.builder().webSearch(WebSearchMode.LIVE).build()).build()))
                .hasMessageContaining("\"live\" is not in the allowed set [cached, disabled]");
    }

    @Test
    void mcpServersNotOnTheAllowListAreDisabled() {
        fx.requirements("[mcp_servers.docs.identity]\ncommand = \"npx\"\n");
        fx.userConfig("""
                [mcp_servers.docs]
                command = "npx"
                [mcp_servers.other]
                command = "evil"
                [mcp_servers.spoof]
                url = "http://x"
                """);

        Config config = fx.load();

        assertThat(config.mcpServers().get("docs").enabled()).isTrue();
        assertThat(config.mcpServers().get("other").enabled()).isFalse();
        assertThat(config.mcpServers().get("spoof").enabled()).isFalse();
        assertThat(config.diagnostics().warnings())
                .contains("MCP server `other` is disabled: it is not allowed by " + requirements);
    }

    @Test
    void featurePinsWinOverConfig() {
        fx.requirements("[features]\nundo = true\n");
        fx.userConfig("[features]\nundo = false\n");

        Config config = fx.load();

        assertThat(config.features().isEnabled(Feature.UNDO)).isTrue();
        assertThat(config.diagnostics().warnings()).contains("feature `undo` is pinned to true by " + requirements);
    }
}
