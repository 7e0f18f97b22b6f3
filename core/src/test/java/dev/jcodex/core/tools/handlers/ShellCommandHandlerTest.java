package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.core.exec.LoginShellPolicy;
import dev.jcodex.core.exec.ToolOrchestrator;
import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.core.tools.TurnAbortedException;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.sandbox.SandboxMechanism;
import dev.jcodex.sandbox.SandboxSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandHandlerTest {

    @TempDir
    Path tmp;
    private ExecFakeTurn turn;
    private ShellCommandHandler handler;

    @BeforeEach
    void setUp() throws Exception {
        turn = ExecFakeTurn.in(tmp);
        handler = new ShellCommandHandler(new ApplyPatchHandler(ApplyPatchHandler.Variant.FREEFORM,
                new TurnDiffTracker()));
    }

    @AfterEach
    void tearDown() {
        turn.close();
    }

    static String args(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return ProtocolJson.write(map);
    }

    static void assumeSandbox() {
        assumeTrue(SandboxSelector.detect().unavailableReason().isEmpty(), "no sandbox on this machine");
    }

    private ToolResult.Text run(String callId, String arguments) throws InterruptedException {
        return (ToolResult.Text) handler.handle(turn.call(callId, "shell_command", arguments));
    }

    @Test
    void echoInTheReadOnlySandboxGivesTheTextBlockAndTheItem() throws Exception {
        assumeSandbox();
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.ReadOnly());

        ToolResult.Text result = run("call-echo", args("command", "echo hi"));

        assertThat(result.success()).isTrue();
        assertThat(result.text()).matches("Exit code: 0\nWall time: \\d+(\\.\\d)? seconds\nOutput:\nhi\n");
        List<String> argv = List.of("/bin/bash", "-lc", "echo hi");
        assertThat(turn.commandItems(EventMsg.ItemStarted.class)).containsExactly(new TurnItem.CommandExecution(
                "call-echo", argv, turn.cwd().toString(), null, TurnItem.CommandSource.AGENT,
                TurnItem.Status.IN_PROGRESS, "", null, null));
        TurnItem.CommandExecution done = turn.completedCommand();
        assertThat(done).usingRecursiveComparison().ignoringFields("durationMs").isEqualTo(
                new TurnItem.CommandExecution("call-echo", argv, turn.cwd().toString(), null,
                        TurnItem.CommandSource.AGENT, TurnItem.Status.COMPLETED, "hi\n", 0, 0L));
        assertThat(done.durationMs()).isNotNull();
        assertThat(turn.events).contains(new EventMsg.CommandOutputDelta("turn-exec", "call-echo", "hi\n"));
        assertThat(turn.events.getFirst()).isInstanceOf(EventMsg.ItemStarted.class);
        assertThat(turn.events.getLast()).isInstanceOf(EventMsg.ItemCompleted.class);
    }

    @Test
    void aNonZeroExitIsAFailureWithItsOutput() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());

        ToolResult.Text result = run("c1", args("command", "echo oops >&2; exit 3"));

        assertThat(result.success()).isFalse();
        assertThat(result.text()).startsWith("Exit code: 3\n").endsWith("Output:\noops\n");
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.FAILED);
        assertThat(turn.completedCommand().exitCode()).isEqualTo(3);
    }

    @Test
    void theTimeoutKillsTheWholeTreeAndSaysSo() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());

        ToolResult.Text result = run("c1", args("command", "sleep 30 & echo $! > bg.pid; wait", "timeout_ms", 400));

        assertThat(result.text()).startsWith("Exit code: 124\n").contains("Output:\ncommand timed out after ");
        assertThat(ProcessProbe.alive(ProcessProbe.readPid(turn.cwd().resolve("bg.pid")))).isFalse();
        assertThat(turn.completedCommand().exitCode()).isEqualTo(124);
    }

    @Test
    void interruptingTheTurnKillsTheProcessAndPropagates() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());
        Path pidFile = turn.cwd().resolve("bg.pid");

        Throwable thrown = ProcessProbe.interruptWhenExists(pidFile,
                () -> run("c1", args("command", "sleep 30 & echo $! > bg.pid; wait", "timeout_ms", 60_000)));

        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(ProcessProbe.alive(ProcessProbe.readPid(pidFile))).isFalse();
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.FAILED);
    }

    @Test
    void aSandboxDenialUnderOnFailureAsksAndRetriesWithoutTheSandbox() throws Exception {
        assumeSandbox();
        turn.policies(AskForApproval.ON_FAILURE, new SandboxPolicy.ReadOnly()).answer(ReviewDecision.APPROVED);

        ToolResult.Text result = run("c1", args("command", "touch made.txt"));

        assertThat(result.text()).startsWith("Exit code: 0\n");
        assertThat(turn.cwd().resolve("made.txt")).exists();
        assertThat(turn.approvals).containsExactly(new ExecFakeTurn.ApprovalAsked("c1",
                List.of("/bin/bash", "-lc", "touch made.txt"), turn.cwd(), ToolOrchestrator.RETRY_REASON));
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.COMPLETED);
    }

    @Test
    void underOnRequestTheDenialGoesToTheModelWhichMayAskForEscalation() throws Exception {
        assumeSandbox();
        turn.policies(AskForApproval.ON_REQUEST, new SandboxPolicy.ReadOnly());

        ToolResult.Text denied = run("c1", args("command", "touch made.txt"));

        assertThat(denied.success()).isFalse();
        assertThat(denied.text()).startsWith("Exit code: 1\n").containsIgnoringCase("permission denied");
        assertThat(turn.cwd().resolve("made.txt")).doesNotExist();
        assertThat(turn.approvals).isEmpty();

        turn.answer(ReviewDecision.APPROVED);
        ToolResult.Text escalated = run("c2", args("command", "touch made.txt",
                "sandbox_permissions", "require_escalated", "justification", "May I create made.txt?"));

        assertThat(escalated.text()).startsWith("Exit code: 0\n");
        assertThat(turn.cwd().resolve("made.txt")).exists();
        assertThat(turn.approvals).extracting(ExecFakeTurn.ApprovalAsked::reason)
                .containsExactly("May I create made.txt?");
    }

    @Test
    void escalationUnderNeverIsRefusedWithoutAsking() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.ReadOnly());

        ToolResult.Text result = run("c1", args("command", "touch x", "sandbox_permissions", "require_escalated"));

        assertThat(result.success()).isFalse();
        assertThat(result.text()).isEqualTo("approval policy is Never; reject command — you should not ask for"
                + " escalated permissions if the approval policy is Never");
        assertThat(turn.approvals).isEmpty();
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.DECLINED);
    }

    @Test
    void theUserDecliningIsReportedAndAbortEndsTheTurn() throws Exception {
        turn.policies(AskForApproval.UNTRUSTED, new SandboxPolicy.DangerFullAccess())
                .answer(ReviewDecision.DENIED, ReviewDecision.ABORT);

        ToolResult.Text declined = run("c1", args("command", "printf made > x.txt"));

        assertThat(declined.text()).isEqualTo(ToolOrchestrator.REJECTED_BY_USER);
        assertThat(declined.success()).isFalse();
        assertThat(turn.cwd().resolve("x.txt")).doesNotExist();
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.DECLINED);
        assertThatThrownBy(() -> run("c2", args("command", "printf made > x.txt")))
                .isInstanceOf(TurnAbortedException.class);
        assertThat(turn.cwd().resolve("x.txt")).doesNotExist();
    }

    @Test
    void approvedForSessionIsRememberedPerWorkingDirectory() throws Exception {
        turn.policies(AskForApproval.UNTRUSTED, new SandboxPolicy.DangerFullAccess())
                .answer(ReviewDecision.APPROVED_FOR_SESSION, ReviewDecision.APPROVED);
        Files.createDirectories(turn.cwd().resolve("sub"));

        assertThat(run("c1", args("command", "printf one")).text()).endsWith("Output:\none");
        assertThat(run("c2", args("command", "printf  one")).text()).endsWith("Output:\none");
        assertThat(turn.approvals).hasSize(1);
        assertThat(run("c3", args("command", "printf one", "workdir", "sub")).text()).endsWith("Output:\none");
        assertThat(turn.approvals).hasSize(2);
        assertThat(turn.approvals.get(1).cwd()).isEqualTo(turn.cwd().resolve("sub"));
    }

    @Test
    void aForbiddingRuleInCodexHomeRefusesTheCommand() throws Exception {
        Path rules = Files.createDirectories(turn.codexHome().resolve("rules")).resolve("default.rules");
        Files.writeString(rules, "prefix_rule(pattern=[\"rm\"], decision=\"forbidden\","
                + " justification=\"deleting files is not allowed here\")\n");
        Files.writeString(turn.cwd().resolve("keep.txt"), "keep");
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());

        ToolResult.Text result = run("c1", args("command", "rm -f keep.txt"));

        assertThat(result.success()).isFalse();
        assertThat(result.text()).endsWith("rejected: deleting files is not allowed here");
        assertThat(turn.cwd().resolve("keep.txt")).exists();
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.DECLINED);
    }

    @Test
    void withoutAUsableSandboxRestrictedCommandsAreRefusedOrNeedApproval() throws Exception {
        turn.close();
        turn = ExecFakeTurn.in(tmp.resolve("nosandbox"), SandboxSelector.using(SandboxMechanism.NONE));
        turn.policies(AskForApproval.ON_REQUEST, new SandboxPolicy.ReadOnly());

        ToolResult.Text refused = run("c1", args("command", "echo hi"));

        assertThat(refused.success()).isFalse();
        assertThat(refused.text()).startsWith("command not run: the read-only sandbox cannot be enforced")
                .contains("require_escalated");
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.FAILED);

        turn.policies(AskForApproval.ON_FAILURE, new SandboxPolicy.ReadOnly()).answer(ReviewDecision.APPROVED);
        assertThat(run("c2", args("command", "echo hi")).text()).endsWith("Output:\nhi\n");
        assertThat(turn.approvals).singleElement().extracting(ExecFakeTurn.ApprovalAsked::reason).asString()
                .startsWith("the sandbox is unavailable");

        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());
        assertThat(run("c3", args("command", "echo hi")).text()).endsWith("Output:\nhi\n");
    }

    @Test
    void applyPatchInAHeredocIsAppliedLikeTheTool() throws Exception {
        turn.policies(AskForApproval.ON_REQUEST, new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true));
        Files.createDirectories(turn.cwd().resolve("sub"));
        String script = "cd sub && apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: hello.txt\n+hi\n"
                + "*** End Patch\nEOF";

        ToolResult.Text result = run("c1", args("command", script));

        assertThat(result.success()).isTrue();
        assertThat(result.text()).contains("A ");
        assertThat(turn.cwd().resolve("sub/hello.txt")).hasContent("hi");
        assertThat(turn.commandItems(EventMsg.ItemStarted.class)).isEmpty();
        assertThat(turn.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EventMsg.ItemCompleted.class,
                c -> assertThat(c.item()).isInstanceOf(TurnItem.FileChange.class)));
    }

    @Test
    void longOutputIsTruncatedToTheBudgetWithTheLineCount() throws Exception {
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess()).budget(10);

        ToolResult.Text result = run("c1", args("command", "seq 1 200"));

        assertThat(result.text()).startsWith("Exit code: 0\n").contains("\nTotal output lines: 200\nOutput:\n1\n")
                .contains("tokens truncated").endsWith("200\n");
    }

    @Test
    void loginShellsFollowTheConfig() throws Exception {
        ShellCommandHandler noLogin = new ShellCommandHandler(new ApplyPatchHandler(
                ApplyPatchHandler.Variant.FREEFORM, new TurnDiffTracker()), LoginShellPolicy.DISABLED);
        turn.policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());

        assertThat(noLogin.spec().get("parameters").get("properties").has("login")).isFalse();
        assertThat(handler.spec().get("parameters").get("properties").has("login")).isTrue();
        assertThatThrownBy(() -> noLogin.handle(turn.call("c1", "shell_command", args("command", "echo", "login",
                true)))).isInstanceOf(ToolArgumentException.class).hasMessage(ShellToolSupport.LOGIN_DISABLED);
        noLogin.handle(turn.call("c2", "shell_command", args("command", "echo hi")));
        run("c3", args("command", "echo hi", "login", false));

        assertThat(turn.commandItems(EventMsg.ItemStarted.class)).extracting(TurnItem.CommandExecution::command)
                .containsExactly(List.of("/bin/bash", "-c", "echo hi"), List.of("/bin/bash", "-c", "echo hi"));
    }

    @Test
    void malformedArgumentsAreToolArgumentErrors() {
        for (String bad : List.of("{", "[]", "{}", args("command", 5), args("command", "ls", "timeout_ms", -1),
                args("command", "ls", "sandbox_permissions", "sometimes"), args("command", "ls", "prefix_rule", "git"),
                args("command", "ls", "login", "yes"), args("command", "ls", "workdir", 3))) {
            assertThatThrownBy(() -> run("c1", bad)).as(bad).isInstanceOf(ToolArgumentException.class)
                    .hasMessageContaining("shell_command");
        }
        assertThat(turn.events).isEmpty();
    }

    @Test
    void theSpecOffersTheDocumentedParameters() {
        var spec = handler.spec();
        assertThat(spec.get("type").asString()).isEqualTo("function");
        assertThat(spec.get("strict").asBoolean()).isFalse();
        var params = spec.get("parameters");
        assertThat(params.get("properties").propertyNames()).containsExactlyInAnyOrder("command", "workdir",
                "timeout_ms", "login", "sandbox_permissions", "justification", "prefix_rule");
        assertThat(params.get("required").get(0).asString()).isEqualTo("command");
        assertThat(params.get("additionalProperties").asBoolean()).isFalse();
    }
}
