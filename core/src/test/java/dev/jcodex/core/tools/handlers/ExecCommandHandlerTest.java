package dev.jcodex.core.tools.handlers;

import static dev.jcodex.core.tools.handlers.ShellCommandHandlerTest.args;
import static dev.jcodex.core.tools.handlers.ShellCommandHandlerTest.assumeSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ExecCommandHandlerTest {

    static final Pattern SESSION = Pattern.compile("Process running with session ID (\\d+)\n");

    @TempDir
    Path tmp;
    private ExecFakeTurn turn;
    private ExecCommandHandler handler;

    @BeforeEach
    void setUp() throws Exception {
        turn = ExecFakeTurn.in(tmp);
        handler = new ExecCommandHandler(new ApplyPatchHandler(ApplyPatchHandler.Variant.FREEFORM,
                new TurnDiffTracker()));
    }

    @AfterEach
    void tearDown() {
        turn.close();
    }

    private ToolResult.Text run(String callId, String arguments) throws InterruptedException {
        return (ToolResult.Text) handler.handle(turn.call(callId, "exec_command", arguments));
    }

    /** The session id of a result that is still running. */
    static int sessionId(ToolResult.Text result) {
        Matcher m = SESSION.matcher(result.text());
        assertThat(m.find()).as(result.text()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void echoInTheReadOnlySandboxAnswersLikeTheReference() throws Exception {
        assumeSandbox();
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.ReadOnly());

        ToolResult.Text result = run("call_echo", args("cmd", "echo hi", "yield_time_ms", 2000));

        assertThat(result.success()).isTrue();
        assertThat(result.text()).matches("Chunk ID: [0-9a-f]{6}\nWall time: \\d+\\.\\d{4} seconds\n"
                + "Process exited with code 0\nOriginal token count: 1\nOutput:\nhi\n");
        List<String> argv = List.of("/bin/bash", "-lc", "echo hi");
        assertThat(turn.commandItems(EventMsg.ItemStarted.class)).containsExactly(new TurnItem.CommandExecution(
                "call_echo", argv, turn.cwd().toString(), null, TurnItem.CommandSource.UNIFIED_EXEC_STARTUP,
                TurnItem.Status.IN_PROGRESS, "", null, null));
        assertThat(turn.completedCommand()).usingRecursiveComparison().ignoringFields("durationMs").isEqualTo(
                new TurnItem.CommandExecution("call_echo", argv, turn.cwd().toString(), null,
                        TurnItem.CommandSource.UNIFIED_EXEC_STARTUP, TurnItem.Status.COMPLETED, "hi\n", 0, null));
    }

    @Test
    void aFailingCommandReportsItsExitCode() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());

        ToolResult.Text result = run("c1", args("cmd", "echo no; exit 4", "login", false));

        assertThat(result.success()).isFalse();
        assertThat(result.text()).contains("Process exited with code 4\n").endsWith("Output:\nno\n");
        assertThat(turn.completedCommand()).extracting(TurnItem.CommandExecution::status,
                TurnItem.CommandExecution::exitCode, TurnItem.CommandExecution::command)
                .containsExactly(TurnItem.Status.FAILED, 4, List.of("/bin/bash", "-c", "echo no; exit 4"));
    }

    @Test
    void pollingAfterTheYieldCollectsTheRestAndCompletesTheItemOnce() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());
        Path gate = turn.cwd().resolve("gate");
        WriteStdinHandler stdin = new WriteStdinHandler();

        ToolResult.Text first = run("c1", args("cmd", "echo start; while [ ! -e gate ]; do sleep 0.05; done;"
                + " echo done", "yield_time_ms", 250));

        assertThat(first.text()).contains("Process running with session ID ").endsWith("Output:\nstart\n");
        assertThat(turn.commandItems(EventMsg.ItemCompleted.class)).isEmpty();
        Files.writeString(gate, "");
        ToolResult.Text polled = (ToolResult.Text) stdin.handle(turn.call("c2", "write_stdin",
                args("session_id", sessionId(first))));
        assertThat(polled.text()).contains("Process exited with code 0\n").endsWith("Output:\ndone\n");
        TurnItem.CommandExecution done = turn.completedCommand();
        assertThat(done.id()).isEqualTo("c1");
        assertThat(done.status()).isEqualTo(TurnItem.Status.COMPLETED);
        assertThat(done.aggregatedOutput()).isEqualTo("start\ndone\n");
        assertThat(done.processId()).isEqualTo(Integer.toString(sessionId(first)));
        assertThat(turn.execRuntime().unifiedExec().liveCount()).isZero();
    }

    @Test
    void interruptingTheCallKillsTheProcess() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());
        Path pidFile = turn.cwd().resolve("bg.pid");

        Throwable thrown = ProcessProbe.interruptWhenExists(pidFile, () -> run("c1",
                args("cmd", "sleep 60 & echo $! > bg.pid; wait", "yield_time_ms", 30_000)));

        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(ProcessProbe.alive(ProcessProbe.readPid(pidFile))).isFalse();
        assertThat(turn.execRuntime().unifiedExec().liveCount()).isZero();
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.FAILED);
    }

    @Test
    void escalationThroughApprovalRunsOutsideTheSandbox() throws Exception {
        assumeSandbox();
        turn.policies(AskForApproval.ON_REQUEST, new SandboxPolicy.ReadOnly()).answer(ReviewDecision.APPROVED);

        ToolResult.Text result = run("c1", args("cmd", "touch out.txt", "sandbox_permissions", "require_escalated",
                "justification", "Create out.txt?", "prefix_rule", List.of("touch")));

        assertThat(result.text()).contains("Process exited with code 0");
        assertThat(turn.cwd().resolve("out.txt")).exists();
        assertThat(turn.approvals).containsExactly(new ExecFakeTurn.ApprovalAsked("c1",
                List.of("/bin/bash", "-lc", "touch out.txt"), turn.cwd(), "Create out.txt?"));
    }

    @Test
    void applyPatchInAHeredocIsIntercepted() throws Exception {
        turn.policies(AskForApproval.ON_REQUEST, new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true));

        ToolResult.Text result = run("c1", args("cmd", "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: a.txt\n"
                + "+alpha\n*** End Patch\nEOF"));

        assertThat(result.success()).isTrue();
        assertThat(turn.cwd().resolve("a.txt")).hasContent("alpha");
        assertThat(turn.commandItems(EventMsg.ItemStarted.class)).isEmpty();
    }

    @Test
    void anExplicitShellIsUsedAsGiven() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());

        ToolResult.Text result = run("c1", args("cmd", "echo $0", "shell", "sh", "login", false));

        assertThat(result.text()).endsWith("Output:\nsh\n");
        assertThat(turn.completedCommand().command()).containsExactly("sh", "-c", "echo $0");
    }

    @Test
    void theSchemaMatchesTheReference() throws Exception {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("reference-unified-exec-schemas.json")) {
            reference = ProtocolJson.mapper().readTree(in);
        }
        for (var tool : List.of(handler, new WriteStdinHandler())) {
            JsonNode spec = tool.spec();
            JsonNode expected = reference.get(tool.name());
            assertThat(spec.get("type")).isEqualTo(expected.get("type"));
            assertThat(spec.get("strict")).isEqualTo(expected.get("strict"));
            assertThat(withoutDescriptions(spec.get("parameters"))).as(tool.name())
                    .isEqualTo(expected.get("parameters"));
            assertThat(spec.get("description").asString()).isNotBlank();
        }
    }

    static JsonNode withoutDescriptions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("description");
            object.values().forEach(ExecCommandHandlerTest::strip);
        } else if (node.isArray()) {
            node.values().forEach(ExecCommandHandlerTest::strip);
        }
    }

    @Test
    void malformedArgumentsAreToolArgumentErrors() {
        for (String bad : List.of("{", args(), args("cmd", List.of("ls")), args("cmd", "ls", "yield_time_ms", -5),
                args("cmd", "ls", "max_output_tokens", 1.5), args("cmd", "ls", "tty", "true"),
                args("cmd", "ls", "sandbox_permissions", "with_additional_permissions"),
                args("cmd", "ls", "justification", List.of("x")), args("cmd", "ls", "shell", 1))) {
            assertThatThrownBy(() -> run("c1", bad)).as(bad).isInstanceOf(ToolArgumentException.class)
                    .hasMessageContaining("exec_command");
        }
        assertThat(turn.events).isEmpty();
    }
}
