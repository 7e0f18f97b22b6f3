package dev.jcodex.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.FileUpdateChange;
import dev.jcodex.appserver.protocol.McpToolCallError;
import dev.jcodex.appserver.protocol.McpToolCallResult;
import dev.jcodex.appserver.protocol.McpToolCallStatus;
import dev.jcodex.appserver.protocol.PatchApplyStatus;
import dev.jcodex.appserver.protocol.PatchChangeKind;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnError;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ThreadEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlEventProcessorTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonlEventProcessor processor = new JsonlEventProcessor(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), null);

    private List<String> lines(ServerNotification... notifications) {
        for (ServerNotification n : notifications) {
            processor.process(n);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static ServerNotification started(ThreadItem item) {
        return new ServerNotification.ItemStarted(item, "t", "u");
    }

    private static ServerNotification completed(ThreadItem item) {
        return new ServerNotification.ItemCompleted(item, "t", "u");
    }

    @Test
    void mcpToolCallsMapResultAndErrorAndKeepTheirIdAcrossStartAndEnd() {
        var args = ProtocolJson.tree("{\"q\":\"x\"}");
        var running = new ThreadItem.McpToolCall("m1", "docs", "search", McpToolCallStatus.IN_PROGRESS, args, null, null,
                null, null);
        var done = new ThreadItem.McpToolCall("m1", "docs", "search", McpToolCallStatus.COMPLETED, args, null,
                new McpToolCallResult(List.of(ProtocolJson.tree("{\"type\":\"text\",\"text\":\"hit\"}")),
                        ProtocolJson.tree("{\"n\":1}"), null), null, 5L);
        var failed = new ThreadItem.McpToolCall("m2", "docs", "fetch", McpToolCallStatus.FAILED, null, null, null,
                new McpToolCallError("timeout"), null);
        assertThat(lines(started(running), completed(done), completed(failed))).containsExactly(
                "{\"type\":\"item.started\",\"item\":{\"id\":\"item_0\",\"type\":\"mcp_tool_call\",\"server\":\"docs\","
                        + "\"tool\":\"search\",\"arguments\":{\"q\":\"x\"},\"result\":null,\"error\":null,\"status\":\"in_progress\"}}",
                "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"mcp_tool_call\",\"server\":\"docs\","
                        + "\"tool\":\"search\",\"arguments\":{\"q\":\"x\"},\"result\":{\"content\":[{\"type\":\"text\","
                        + "\"text\":\"hit\"}],\"structured_content\":{\"n\":1}},\"error\":null,\"status\":\"completed\"}}",
                "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\",\"type\":\"mcp_tool_call\",\"server\":\"docs\","
                        + "\"tool\":\"fetch\",\"arguments\":null,\"result\":null,\"error\":{\"message\":\"timeout\"},"
                        + "\"status\":\"failed\"}}");
    }

    @Test
    void webSearchActionsUseSnakeCaseTagsAndDefaultToOther() {
        assertThat(lines(completed(new ThreadItem.WebSearch("ws", "q", ProtocolJson.tree("{\"type\":\"openPage\",\"url\":\"u\"}"))),
                completed(new ThreadItem.WebSearch("ws2", "q2", null)))).containsExactly(
                "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"web_search\",\"query\":\"q\","
                        + "\"action\":{\"type\":\"open_page\",\"url\":\"u\"}}}",
                "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\",\"type\":\"web_search\",\"query\":\"q2\","
                        + "\"action\":{\"type\":\"other\"}}}");
    }

    @Test
    void aDeclinedPatchIsFailedAndDeletesAreKept() {
        var change = new FileUpdateChange("/w/old.txt", new PatchChangeKind.Delete(), "");
        assertThat(lines(completed(new ThreadItem.FileChange("p", List.of(change), PatchApplyStatus.DECLINED))))
                .containsExactly("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"file_change\","
                        + "\"changes\":[{\"path\":\"/w/old.txt\",\"kind\":\"delete\"}],\"status\":\"failed\"}}");
    }

    @Test
    void blankReasoningAndUnprintedItemKindsTakeNoId() {
        assertThat(lines(completed(new ThreadItem.Reasoning("r", List.of(" ", ""), List.of("raw"))),
                completed(new ThreadItem.Plan("p", "plan")), completed(new ThreadItem.ImageView("i", "/a.png")),
                completed(new ThreadItem.ContextCompaction("c")), completed(new ThreadItem.Other("hookPrompt", "h")),
                completed(new ThreadItem.Reasoning("r2", List.of("**A**", "b"), List.of()))))
                .containsExactly("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"reasoning\",\"text\":\"**A**\\nb\"}}");
    }

    @Test
    void warningsBecomeErrorItems() {
        assertThat(lines(new ServerNotification.ConfigWarning("bad key", "line 3", null, null),
                new ServerNotification.ConfigWarning("plain", null, null, null),
                new ServerNotification.Warning(null, "careful"),
                new ServerNotification.DeprecationNotice("old flag", "use new"),
                new ServerNotification.ModelRerouted("t", "u", "gpt-5.5", "gpt-5.4", "highRiskCyberActivity")))
                .containsExactly(
                        "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"error\",\"message\":\"bad key (line 3)\"}}",
                        "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\",\"type\":\"error\",\"message\":\"plain\"}}",
                        "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_2\",\"type\":\"error\",\"message\":\"careful\"}}",
                        "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_3\",\"type\":\"error\",\"message\":\"old flag (use new)\"}}",
                        "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_4\",\"type\":\"error\",\"message\":"
                                + "\"model rerouted: gpt-5.5 -> gpt-5.4 (HighRiskCyberActivity)\"}}");
    }

    @Test
    void aFailedTurnUsesItsErrorWithDetailsElseTheLastErrorElseADefault() {
        assertThat(new JsonlEventProcessor(null, null, null).collect(failed(new TurnError("boom", null, "detail"))))
                .containsExactly(new ThreadEvent.TurnFailed(new ThreadEvent.ErrorBody("boom (detail)")));
        JsonlEventProcessor p = new JsonlEventProcessor(null, null, null);
        p.collect(new ServerNotification.Error(TurnError.of("last words"), false, "t", "u"));
        assertThat(p.collect(failed(null))).containsExactly(new ThreadEvent.TurnFailed(new ThreadEvent.ErrorBody("last words")));
        assertThat(new JsonlEventProcessor(null, null, null).collect(failed(null)))
                .containsExactly(new ThreadEvent.TurnFailed(new ThreadEvent.ErrorBody("turn failed")));
    }

    @Test
    void aCompletedTurnWithoutUsageReportsZeros() {
        assertThat(new JsonlEventProcessor(null, null, null).collect(new ServerNotification.TurnCompleted("t",
                Turn.of("u", List.of(), TurnStatus.COMPLETED))))
                .containsExactly(new ThreadEvent.TurnCompleted(new ThreadEvent.Usage(0, 0, 0, 0, 0)));
    }

    private static ServerNotification failed(TurnError error) {
        return new ServerNotification.TurnCompleted("t", new Turn("u", List.of(), TurnStatus.FAILED, error, null, null, null));
    }
}
