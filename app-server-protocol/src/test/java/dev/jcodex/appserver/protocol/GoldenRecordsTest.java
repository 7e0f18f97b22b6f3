package dev.jcodex.appserver.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ProtocolJson;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every v2 params / response / object record reads its golden JSON and writes the same tree back. */
class GoldenRecordsTest {

    static final List<Class<?>> TYPES = List.of(
            ClientInfo.class, InitializeParams.class, InitializeResponse.class, AppServerThread.class, Turn.class,
            ThreadTokenUsage.class, ThreadStartParams.class, ThreadStartResponse.class, ThreadResumeParams.class,
            ThreadResumeResponse.class, ThreadForkParams.class, ThreadForkResponse.class, ThreadListParams.class,
            ThreadListResponse.class, ThreadReadParams.class, ThreadReadResponse.class, ThreadArchiveParams.class,
            ThreadArchiveResponse.class, ThreadUnsubscribeParams.class, ThreadUnsubscribeResponse.class,
            TurnStartParams.class, TurnStartResponse.class, TurnInterruptParams.class, TurnInterruptResponse.class,
            CommandExecutionRequestApprovalResponse.class, FileChangeRequestApprovalResponse.class,
            ToolRequestUserInputResponse.class, McpServerElicitationResponse.class, JsonRpcError.class);

    static Stream<Class<?>> types() {
        return TYPES.stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void roundTripsItsGoldenTree(Class<?> type) {
        JsonNode golden = Golden.tree("types/" + type.getSimpleName() + ".json");
        Object value = ProtocolJson.mapper().treeToValue(golden, type);
        assertThat(ProtocolJson.tree(ProtocolJson.write(value))).isEqualTo(golden);
    }

    @Test
    void threadItemsOfEveryModelledKindRoundTrip() {
        List<String> lines = Golden.text("thread-items.jsonl").lines().toList();
        for (String line : lines) {
            ThreadItem item = ProtocolJson.read(line, ThreadItem.class);
            assertThat(item).isNotInstanceOf(ThreadItem.Other.class);
            assertThat(ProtocolJson.tree(ProtocolJson.write(item))).isEqualTo(ProtocolJson.tree(line));
        }
        List<String> kinds = lines.stream().map(l -> ProtocolJson.read(l, ThreadItem.class).getClass()).distinct()
                .map(Class::getSimpleName).toList();
        List<String> modelled = Stream.of(ThreadItem.class.getPermittedSubclasses())
                .filter(c -> c != ThreadItem.Other.class).map(Class::getSimpleName).toList();
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(modelled);
    }

    @Test
    void threadItemWritesTypeFirstThenId() {
        String json = ProtocolJson.write(ThreadItem.AgentMessage.of("a1", "Hi"));
        assertThat(json).isEqualTo(
                "{\"type\":\"agentMessage\",\"id\":\"a1\",\"text\":\"Hi\",\"phase\":null,\"memoryCitation\":null}");
    }

    @Test
    void unmodelledThreadItemKindsAreKeptAsOther() {
        ThreadItem item = ProtocolJson.read(
                "{\"type\":\"dynamicToolCall\",\"id\":\"d1\",\"tool\":\"x\",\"arguments\":{}}", ThreadItem.class);
        assertThat(item).isEqualTo(new ThreadItem.Other("dynamicToolCall", "d1"));
    }

    @Test
    void missingOptionalMembersReadAsNullOrEmpty() {
        ThreadItem item = ProtocolJson.read(
                "{\"type\":\"commandExecution\",\"id\":\"c\",\"command\":\"ls\",\"cwd\":\"/\",\"source\":\"agent\","
                        + "\"status\":\"completed\",\"unknownFutureField\":1}", ThreadItem.class);
        assertThat(item).isEqualTo(new ThreadItem.CommandExecution("c", "ls", "/", null,
                CommandExecutionSource.AGENT, CommandExecutionStatus.COMPLETED, List.of(), null, null, null));
        TokenUsageBreakdown old = ProtocolJson.read("{\"totalTokens\":3,\"inputTokens\":2,\"cachedInputTokens\":0,"
                + "\"outputTokens\":1,\"reasoningOutputTokens\":0}", TokenUsageBreakdown.class);
        assertThat(old).isEqualTo(new TokenUsageBreakdown(3, 2, 0, 1, 0, 0));
    }

    @Test
    void commandDecisionsReadAndWriteEveryForm() {
        for (String json : List.of("\"accept\"", "\"acceptForSession\"", "\"decline\"", "\"cancel\"",
                "{\"acceptWithExecpolicyAmendment\":{\"execpolicy_amendment\":[\"git\",\"push\"]}}",
                "{\"applyNetworkPolicyAmendment\":{\"network_policy_amendment\":{\"host\":\"h\",\"action\":\"allow\"}}}")) {
            CommandExecutionApprovalDecision d = ProtocolJson.read(json, CommandExecutionApprovalDecision.class);
            assertThat(ProtocolJson.write(d)).isEqualTo(json);
        }
        assertThat(ProtocolJson.read("\"decline\"", CommandExecutionApprovalDecision.class))
                .isEqualTo(CommandExecutionApprovalDecision.of(ApprovalDecision.DECLINE));
    }

    @Test
    void blendedTotalIsInputMinusCachedPlusOutput() {
        assertThat(new TokenUsageBreakdown(0, 24763, 24448, 122, 64, 0).blendedTotal()).isEqualTo(437);
        assertThat(new TokenUsageBreakdown(0, 10, 50, 5, 0, 0).blendedTotal()).isEqualTo(5);
    }

    @Test
    void turnErrorAppendsNonEmptyDetails() {
        assertThat(new TurnError("Reconnecting... 1/5", null, "boom").messageWithDetails())
                .isEqualTo("Reconnecting... 1/5 (boom)");
        assertThat(new TurnError("x", null, "").messageWithDetails()).isEqualTo("x");
        assertThat(TurnError.of("x").messageWithDetails()).isEqualTo("x");
    }

    @Test
    void everyVariantOfTheSmallUnionsRoundTrips() throws ClassNotFoundException {
        for (String line : Golden.text("variants.jsonl").lines().toList()) {
            JsonNode entry = ProtocolJson.tree(line);
            Class<?> type = Class.forName("dev.jcodex.appserver.protocol." + entry.get("class").stringValue());
            Object value = ProtocolJson.mapper().treeToValue(entry.get("json"), type);
            assertThat(ProtocolJson.tree(ProtocolJson.write(value))).as(line).isEqualTo(entry.get("json"));
        }
    }
}
