package dev.jcodex.appserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.RequestId;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.PlanItem;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.TokenUsage;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.protocol.UserInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The wire form of every notification and server request the event mapper produces, against golden files in
 * {@code src/test/resources/golden/events/}. Run with {@code -Dgolden.update=true} to rewrite them.
 */
class EventMapperGoldenTest {
    static final String THREAD = "01a1ff18-51e6-76d2-941e-75db722334eb";
    static final String TURN = "turn_1";
    static final Instant START = Instant.parse("2025-11-21T17:12:33.250Z");

    /** A golden case: events fed first (output ignored), then the event whose wire messages are compared. */
    record Case(String name, List<EventMsg> before, EventMsg event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, EventMsg event, EventMsg... before) {
        return new Case(name, List.of(before), event);
    }

    static final EventMsg STARTED = new EventMsg.TaskStarted(TURN, 272_000L);
    static final EventMsg FATAL = new EventMsg.Error(TURN, "We’re currently experiencing high demand.", null, false,
            "serverOverloaded");

    static Stream<Case> cases() {
        TurnItem.CommandExecution running = new TurnItem.CommandExecution("call_2",
                List.of("/bin/bash", "-lc", "echo hi"), "/work", null, TurnItem.CommandSource.AGENT,
                TurnItem.Status.IN_PROGRESS, "", null, null);
        TurnItem.CommandExecution done = new TurnItem.CommandExecution("call_2",
                List.of("/bin/bash", "-lc", "echo hi"), "/work", "1234", TurnItem.CommandSource.AGENT,
                TurnItem.Status.COMPLETED, "hi\n", 0, 12L);
        Map<String, TurnItem.FileDelta> changes = new LinkedHashMap<>();
        changes.put("/work/zeta.txt", new TurnItem.FileDelta("add", "+zeta\n", null));
        changes.put("/work/README.md", new TurnItem.FileDelta("update", "@@ -1 +1 @@\n-a\n+b\n", "/work/README2.md"));
        changes.put("/work/old.txt", new TurnItem.FileDelta("delete", "-old\n", null));
        var action = JsonNodeFactory.instance.objectNode().put("type", "open_page").put("url", "https://example.com");
        TokenUsage total = new TokenUsage(300, 100, 0, 60, 10, 360);
        TokenUsage last = new TokenUsage(100, 50, 0, 20, 5, 120);
        return Stream.of(
                c("turn-started", STARTED),
                c("item-started-user-message", new EventMsg.ItemStarted(TURN, new TurnItem.UserMessage("user_0",
                        List.of(new UserInput.Text("Say hello."), new UserInput.LocalImage("/work/cat.png"),
                                new UserInput.Image("https://example.com/cat.png"))))),
                c("item-started-agent-message", new EventMsg.ItemStarted(TURN,
                        new TurnItem.AgentMessage("msg_1", "", null))),
                c("item-completed-agent-message", new EventMsg.ItemCompleted(TURN,
                        new TurnItem.AgentMessage("msg_1", "Hello.", "final_answer"))),
                c("item-completed-reasoning", new EventMsg.ItemCompleted(TURN, new TurnItem.Reasoning("rs_1",
                        List.of("Planning to run echo."), List.of("raw")))),
                c("item-started-command-execution", new EventMsg.ItemStarted(TURN, running)),
                c("item-completed-command-execution", new EventMsg.ItemCompleted(TURN, done)),
                c("item-completed-file-change", new EventMsg.ItemCompleted(TURN, new TurnItem.FileChange("call_3",
                        changes, TurnItem.Status.COMPLETED, "Success.", ""))),
                c("item-completed-web-search", new EventMsg.ItemCompleted(TURN,
                        new TurnItem.WebSearch("ws_4", "codex", action))),
                c("item-completed-image-view", new EventMsg.ItemCompleted(TURN,
                        new TurnItem.ImageView("call_5", "/work/cat.png"))),
                c("item-completed-context-compaction", new EventMsg.ItemCompleted(TURN,
                        new TurnItem.ContextCompaction("cc_6"))),
                c("agent-message-delta", new EventMsg.AgentMessageDelta(TURN, "msg_1", "Hel")),
                c("reasoning-summary-text-delta", new EventMsg.ReasoningSummaryDelta(TURN, "rs_1", 1, "Plan")),
                c("reasoning-text-delta", new EventMsg.ReasoningContentDelta(TURN, "rs_1", 0, "raw")),
                c("command-execution-output-delta", new EventMsg.CommandOutputDelta(TURN, "call_2", "hi\n")),
                c("turn-plan-updated", new EventMsg.PlanUpdate(TURN, "Initial plan", List.of(
                        new PlanItem("Inspect the code", PlanItem.Status.COMPLETED),
                        new PlanItem("Add the greeting", PlanItem.Status.IN_PROGRESS),
                        new PlanItem("Test it", PlanItem.Status.PENDING)))),
                c("turn-plan-updated-no-explanation", new EventMsg.PlanUpdate(TURN, null, List.of(
                        new PlanItem("Test it", PlanItem.Status.PENDING)))),
                c("turn-diff-updated", new EventMsg.TurnDiff(TURN, "diff --git a/x b/x\n")),
                c("thread-token-usage-updated", new EventMsg.TokenCount(TURN, total, last, 272_000L)),
                c("error-will-retry", new EventMsg.Error(TURN, "Reconnecting... 1/5",
                        "exceeded retry limit, last status: 429 Too Many Requests", true, null)),
                c("error-fatal", FATAL, STARTED),
                c("warning", new EventMsg.Warning(TURN, "an attached image could not be read; see the message")),
                c("turn-completed", new EventMsg.TaskComplete(TURN, "Hello."), STARTED),
                c("turn-completed-failed", new EventMsg.TaskComplete(TURN, null), STARTED, FATAL),
                c("turn-completed-interrupted", new EventMsg.TurnAborted(TURN, EventMsg.AbortReason.INTERRUPTED),
                        STARTED),
                c("command-execution-request-approval", new EventMsg.ExecApprovalRequest(TURN, "call_2",
                        List.of("/bin/bash", "-lc", "rm -rf build"), "/work", "needs write access")),
                c("file-change-request-approval", new EventMsg.PatchApprovalRequest(TURN, "call_3", changes,
                        "The patch writes outside the writable roots.", "/outside")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wireFormMatchesTheGoldenFile(Case c) throws IOException {
        TestClock clock = new TestClock(START);
        EventMapper mapper = new EventMapper(THREAD, clock);
        c.before().forEach(mapper::map);
        clock.advanceMillis(1_530);
        List<JsonRpcMessage> wire = mapper.map(c.event()).stream().<JsonRpcMessage>mapMulti((out, sink) -> {
            switch (out) {
                case Outbound.Notify n -> sink.accept(n.notification().toMessage());
                case Outbound.Ask a -> sink.accept(JsonRpcMessage.request(RequestId.of(1),
                        ApprovalRequests.method(a.kind()), a.params()));
                case Outbound.TurnEnded t -> { }
            }
        }).toList();
        assertThat(wire).hasSize(1);
        JsonNode actual = ProtocolJson.tree(wire.getFirst().toJson());
        String file = "golden/events/" + c.name() + ".json";
        if (Boolean.getBoolean("golden.update")) {
            Path target = Path.of("src/test/resources").resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, ProtocolJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(actual) + "\n");
        }
        assertThat(actual).isEqualTo(golden(file));
    }

    static JsonNode golden(String file) throws IOException {
        try (InputStream in = EventMapperGoldenTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", file).isNotNull();
            return ProtocolJson.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
