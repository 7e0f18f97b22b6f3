package dev.jcodex.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.appserver.protocol.ThreadSourceKind;
import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.config.ConfigOverride;
import dev.jcodex.config.ConfigOverrides;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Pure conversions: config params to overrides, source labels, approval answers, sandbox policies. */
class ConversionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"plain\"|plain",
            "42|42",
            "true|true",
            "1.5|1.5"})
    void jsonValuesBecomeTomlThatParsesBack(String json, String expectedPlain) {
        String literal = TomlLiterals.of(ProtocolJson.tree(json));
        Object parsed = ConfigOverride.parse("k=" + literal).value();
        assertThat(String.valueOf(parsed)).isEqualTo(expectedPlain);
    }

    @Test
    void stringsWithQuotesBackslashesAndNewlinesSurvive() {
        String text = "quote \" and \\ and \n and \u00e9";
        String literal = TomlLiterals.of(JsonNodeFactory.instance.stringNode(text));
        assertThat(ConfigOverride.parse("k=" + literal).value()).isEqualTo(text);
    }

    @Test
    void arraysAndObjectsBecomeInlineTomlAndNullIsDropped() {
        JsonNode value = ProtocolJson.tree("{\"name\":\"mock\",\"odd key\":[1,\"two\",null],\"gone\":null,"
                + "\"nested\":{\"on\":false}}");
        String literal = TomlLiterals.of(value);
        assertThat(literal).isEqualTo("{\"name\" = \"mock\", \"odd key\" = [1, \"two\"], \"nested\" = {\"on\" = false}}");
        assertThat(ConfigOverride.parse("k=" + literal).value()).isEqualTo(Map.of("name", "mock",
                "odd key", List.of(1L, "two"), "nested", Map.of("on", false)));
        assertThat(TomlLiterals.of(JsonNodeFactory.instance.nullNode())).isNull();
        assertThat(TomlLiterals.quote("tab\tbell\u0007")).isEqualTo("\"tab\\tbell\\u0007\"");
    }

    @Test
    void threadParamsGoOnTopOfTheBaseRequest() {
        ConfigLoadRequest base = ConfigLoadRequest.builder(Path.of("/home/codex"), Path.of("/work"))
                .cliOverride("model=base-model").profile("fast")
                .overrides(ConfigOverrides.builder().model("flag-model").sandboxMode(SandboxMode.READ_ONLY)
                        .addWritableRoot(Path.of("/extra")).build())
                .env(Map.of("A", "1")).build();
        Map<String, JsonNode> config = new LinkedHashMap<>();
        config.put("model_reasoning_effort", JsonNodeFactory.instance.stringNode("high"));
        config.put("ignored", JsonNodeFactory.instance.nullNode());
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("service_tier", "flex");
        keys.put("personality", null);
        ConfigLoadRequest request = new ThreadConfigs(base).request(new ThreadConfigs.Params("param-model", null,
                "sub", AskForApproval.NEVER, null, config, null, "be brief", keys));

        assertThat(request.cliOverrides()).containsExactly("model=base-model", "service_tier=\"flex\"",
                "model_reasoning_effort=\"high\"");
        assertThat(request.profile()).isEqualTo("fast");
        assertThat(request.env()).isEqualTo(Map.of("A", "1"));
        ConfigOverrides o = request.overrides();
        assertThat(o.model()).isEqualTo("param-model");
        assertThat(o.approvalPolicy()).isEqualTo(AskForApproval.NEVER);
        assertThat(o.sandboxMode()).isEqualTo(SandboxMode.READ_ONLY);
        assertThat(o.cwd()).isEqualTo(Path.of("sub"));
        assertThat(o.additionalWritableRoots()).containsExactly(Path.of("/extra"));
        assertThat(o.developerInstructions()).isEqualTo("be brief");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cli|\"cli\"|CLI",
            "vscode|\"vscode\"|VSCODE",
            "exec|\"exec\"|EXEC",
            "mcp|\"appServer\"|APP_SERVER",
            "'{\"subagent\":\"review\"}'|{\"subAgent\":\"review\"}|SUB_AGENT_REVIEW",
            "'{\"subagent\":{\"thread_spawn\":{\"depth\":1}}}'|{\"subAgent\":{\"thread_spawn\":{\"depth\":1}}}|SUB_AGENT_THREAD_SPAWN",
            "'{\"subagent\":\"other\"}'|{\"subAgent\":\"other\"}|SUB_AGENT_OTHER",
            "''|\"unknown\"|UNKNOWN",
            "weird|\"unknown\"|UNKNOWN"})
    void sourceLabelsMapToTheV2SourceAndKind(String label, String json, ThreadSourceKind kind) {
        assertThat(WireValues.source(label)).isEqualTo(ProtocolJson.tree(json));
        assertThat(WireValues.sourceKind(label)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMMAND_EXECUTION|{\"decision\":\"accept\"}|APPROVED",
            "COMMAND_EXECUTION|{\"decision\":\"acceptForSession\"}|APPROVED_FOR_SESSION",
            "COMMAND_EXECUTION|{\"decision\":\"decline\"}|DENIED",
            "COMMAND_EXECUTION|{\"decision\":\"cancel\"}|ABORT",
            "COMMAND_EXECUTION|{\"decision\":{\"acceptWithExecpolicyAmendment\":{\"execpolicy_amendment\":[\"ls\"]}}}|APPROVED",
            "COMMAND_EXECUTION|{\"decision\":{\"applyNetworkPolicyAmendment\":{\"network_policy_amendment\":{\"host\":\"h\",\"action\":\"deny\"}}}}|DENIED",
            "COMMAND_EXECUTION|{\"decision\":\"maybe\"}|DENIED",
            "COMMAND_EXECUTION|{}|DENIED",
            "FILE_CHANGE|{\"decision\":\"accept\"}|APPROVED",
            "FILE_CHANGE|{\"decision\":\"cancel\"}|ABORT",
            "FILE_CHANGE|null|DENIED"})
    void approvalAnswersBecomeReviewDecisions(Outbound.ApprovalKind kind, String result, ReviewDecision expected) {
        assertThat(ApprovalRequests.decision(kind, ProtocolJson.tree(result))).isEqualTo(expected);
    }

    @Test
    void sandboxPoliciesConvertBothWays() {
        var core = new dev.jcodex.protocol.SandboxPolicy.WorkspaceWrite(List.of("/a"), true, false, true);
        var wire = WireValues.sandbox(core);
        assertThat(wire).isEqualTo(new dev.jcodex.appserver.protocol.SandboxPolicy.WorkspaceWrite(List.of("/a"), null,
                true, false, true));
        assertThat(WireValues.sandbox(wire)).isEqualTo(core);
        assertThat(WireValues.sandbox(new dev.jcodex.appserver.protocol.SandboxPolicy.ReadOnly(null, null)))
                .isEqualTo(new dev.jcodex.protocol.SandboxPolicy.ReadOnly());
        assertThatThrownBy(() -> WireValues.sandbox(
                new dev.jcodex.appserver.protocol.SandboxPolicy.ExternalSandbox("enabled")))
                .isInstanceOf(RpcException.class).hasMessageContaining("externalSandbox");
    }

    @Test
    void headerValuesAreVisibleAscii() {
        assertThat(MessageProcessor.isHeaderValue("codex_exec")).isTrue();
        assertThat(MessageProcessor.isHeaderValue("VS Code")).isTrue();
        assertThat(MessageProcessor.isHeaderValue(" lead")).isFalse();
        assertThat(MessageProcessor.isHeaderValue("é")).isFalse();
        assertThat(MessageProcessor.isHeaderValue("a\r\nb")).isFalse();
    }
}
