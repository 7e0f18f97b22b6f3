package dev.jcodex.appserver;

import static dev.jcodex.appserver.ApprovalScenario.completedCommand;
import static dev.jcodex.appserver.ApprovalScenario.exec;
import static dev.jcodex.appserver.ApprovalScenario.execEscalated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.ApprovalDecision;
import dev.jcodex.appserver.protocol.CommandExecutionRequestApprovalParams;
import dev.jcodex.appserver.protocol.CommandExecutionStatus;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalParams;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BooleanNode;

/**
 * Sandbox denials and escalation end to end (spec §6.4 steps 4–5, §6.1): the real sandbox refuses a write outside
 * the writable roots, and what follows depends on the approval policy — a re-run prompt ({@code on-failure}), the
 * denial back to the model and a {@code require_escalated} retry ({@code on-request}), or no prompt at all
 * ({@code never}); plus patches outside the writable roots and the read-only sandbox.
 */
class SandboxEscalationTest {
    ApprovalScenario s;
    Path target;

    @BeforeEach
    void setUp() throws Exception {
        ApprovalScenario.assumeSandbox();
        s = new ApprovalScenario();
        target = s.outside.resolve("x");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (s != null) {
            s.close();
        }
    }

    private String touchOutside() {
        return "touch " + target;
    }

    @Test
    void onFailureAsksToRerunUnsandboxedAfterADenial() throws Exception {
        s.h.mock.enqueue(exec("call_out", touchOutside()), MockResponse.reply("Done outside."));
        String threadId = s.startThread(AskForApproval.ON_FAILURE, SandboxMode.WORKSPACE_WRITE);
        String turnId = s.turn(threadId, "Touch the outside file.");
        List<ServerNotification> seen = new ArrayList<>();

        ServerRequest request = s.nextRequest(seen);
        assertThat(((ServerRequest.CommandExecutionRequestApproval) request).params())
                .isEqualTo(new CommandExecutionRequestApprovalParams(threadId, turnId, "call_out", null,
                        "command failed; retry without sandbox?", null, "/bin/bash -lc '" + touchOutside() + "'",
                        s.h.workdir.toString(), null, null, null, null, null));
        assertThat(target).as("the sandboxed attempt was refused").doesNotExist();
        s.answerCommand(request, ApprovalDecision.ACCEPT);

        assertThat(s.completedTurn(seen).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).exists();
        assertThat(completedCommand(seen, "call_out").exitCode()).isZero();
        assertThat(s.outputSentToModel("call_out")).contains("Process exited with code 0")
                .doesNotContain("Permission denied");
    }

    @Test
    void onFailureDeclinedRerunLeavesTheDenial() throws Exception {
        s.h.mock.enqueue(exec("call_out", touchOutside()), MockResponse.reply("Could not."));
        String threadId = s.startThread(AskForApproval.ON_FAILURE, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch the outside file.");

        s.answerCommand(s.nextRequest(null), ApprovalDecision.DECLINE);

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).doesNotExist();
        assertThat(s.outputSentToModel("call_out")).isEqualTo("exec command rejected by user");
    }

    @Test
    void onFailureRunsWritesInsideTheWorkspaceWithoutAsking() throws Exception {
        s.h.mock.enqueue(exec("call_in", "touch sub/x"), MockResponse.reply("Done."));
        String threadId = s.startThread(AskForApproval.ON_FAILURE, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch sub/x.");

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/x")).exists();
    }

    @Test
    void onRequestReturnsTheDenialThenTheModelAsksForEscalation() throws Exception {
        s.h.mock.enqueue(exec("call_try", touchOutside()),
                execEscalated("call_esc", touchOutside(), "Do you allow writing the file outside the workspace?"),
                MockResponse.reply("Done with your permission."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        String turnId = s.turn(threadId, "Touch the outside file.");
        List<ServerNotification> seen = new ArrayList<>();

        ServerRequest request = s.nextRequest(seen);
        assertThat(completedCommand(seen, "call_try").status()).isEqualTo(CommandExecutionStatus.FAILED);
        assertThat(s.outputSentToModel("call_try")).contains("Permission denied")
                .contains("Process exited with code 1");
        assertThat(((ServerRequest.CommandExecutionRequestApproval) request).params())
                .isEqualTo(new CommandExecutionRequestApprovalParams(threadId, turnId, "call_esc", null,
                        "Do you allow writing the file outside the workspace?", null,
                        "/bin/bash -lc '" + touchOutside() + "'", s.h.workdir.toString(), null, null, null, null,
                        null));
        assertThat(target).doesNotExist();
        s.answerCommand(request, ApprovalDecision.ACCEPT);

        assertThat(s.completedTurn(seen).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).as("escalated: ran without the sandbox").exists();
        assertThat(completedCommand(seen, "call_esc").exitCode()).isZero();
        assertThat(s.outputSentToModel("call_esc")).contains("Process exited with code 0");
    }

    @Test
    void onRequestEscalationAcceptedForSessionRunsAgainUnsandboxedWithoutAsking() throws Exception {
        s.h.mock.enqueue(execEscalated("call_1", touchOutside(), "Allow writing outside?"), MockResponse.reply("1"),
                execEscalated("call_2", touchOutside(), "Allow writing outside?"), MockResponse.reply("2"));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch the outside file.");
        s.answerCommand(s.nextRequest(null), ApprovalDecision.ACCEPT_FOR_SESSION);
        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        Files.delete(target);

        List<ServerNotification> seen = new ArrayList<>();
        s.turn(threadId, "Again.");
        assertThat(s.completedTurn(seen).status()).as("no request (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).as("still outside the sandbox").exists();
        assertThat(completedCommand(seen, "call_2").exitCode()).isZero();
    }

    @Test
    void onFailureEscalatesTheOneShotShellCommandToolToo() throws Exception {
        s.h.mock.enqueue(MockResponse.sse().functionCall("call_sc", "shell_command",
                "{\"command\":\"" + touchOutside() + "\",\"timeout_ms\":10000}").build(), MockResponse.reply("Done."));
        String threadId = s.startThread(AskForApproval.ON_FAILURE, SandboxMode.WORKSPACE_WRITE,
                Map.of("features.unified_exec", BooleanNode.FALSE));
        s.turn(threadId, "Touch the outside file.");

        ServerRequest request = s.nextRequest(null);
        assertThat(((ServerRequest.CommandExecutionRequestApproval) request).params().reason())
                .isEqualTo("command failed; retry without sandbox?");
        assertThat(target).doesNotExist();
        s.answerCommand(request, ApprovalDecision.ACCEPT);

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).exists();
        assertThat(s.outputSentToModel("call_sc")).contains("Exit code: 0");
    }

    @Test
    void onRequestDeclinedEscalationDoesNotRun() throws Exception {
        s.h.mock.enqueue(execEscalated("call_esc", touchOutside(), "Allow writing outside?"),
                MockResponse.reply("Fine."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch the outside file.");

        s.answerCommand(s.nextRequest(null), ApprovalDecision.DECLINE);

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).doesNotExist();
        assertThat(s.outputSentToModel("call_esc")).isEqualTo("exec command rejected by user");
    }

    @Test
    void neverReturnsTheDenialAndRefusesEscalation() throws Exception {
        s.h.mock.enqueue(exec("call_try", touchOutside()),
                execEscalated("call_esc", touchOutside(), "Allow writing outside?"),
                MockResponse.reply("I cannot write there."));
        String threadId = s.startThread(AskForApproval.NEVER, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch the outside file.");
        List<ServerNotification> seen = new ArrayList<>();

        assertThat(s.completedTurn(seen).status()).as("no request (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).doesNotExist();
        assertThat(s.outputSentToModel("call_try")).contains("Permission denied");
        assertThat(s.outputSentToModel("call_esc")).isEqualTo("approval policy is Never; reject command — you "
                + "should not ask for escalated permissions if the approval policy is Never");
        assertThat(completedCommand(seen, "call_esc").exitCode()).isNull();
    }

    @Test
    void patchOutsideTheWritableRootsAsksAndAcceptWrites() throws Exception {
        Path file = s.outside.resolve("patched.txt");
        s.h.mock.enqueue(patchAdding("call_patch", file), MockResponse.reply("Patched."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        String turnId = s.turn(threadId, "Write outside.");

        ServerRequest request = s.nextRequest(null);
        assertThat(((ServerRequest.FileChangeRequestApproval) request).params()).isEqualTo(
                new FileChangeRequestApprovalParams(threadId, turnId, "call_patch",
                        "The patch writes outside the writable roots.", null));
        assertThat(file).doesNotExist();
        s.answerFileChange(request, ApprovalDecision.ACCEPT);

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(file).hasContent("outside");
        assertThat(s.outputSentToModel("call_patch")).contains("Success");
    }

    @Test
    void patchOutsideTheWritableRootsDeclinedWritesNothing() throws Exception {
        Path file = s.outside.resolve("patched.txt");
        s.h.mock.enqueue(patchAdding("call_patch", file), MockResponse.reply("Not patched."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Write outside.");

        s.answerFileChange(s.nextRequest(null), ApprovalDecision.DECLINE);

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(file).doesNotExist();
        assertThat(s.outputSentToModel("call_patch")).contains("patch rejected by user");
    }

    @Test
    void patchInsideTheWorkspaceNeedsNoApprovalUnderOnRequest() throws Exception {
        Path file = s.h.workdir.resolve("inside.txt");
        s.h.mock.enqueue(patchAdding("call_patch", file), MockResponse.reply("Patched."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Write inside.");

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(file).hasContent("outside");
    }

    @Test
    void readOnlySandboxRefusesWritesAndNothingIsWritten() throws Exception {
        s.h.mock.enqueue(exec("call_write", "echo data > sub/x"), exec("call_read", "ls -a"),
                MockResponse.reply("Read-only here."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.READ_ONLY);
        s.turn(threadId, "Write sub/x.");
        List<ServerNotification> seen = new ArrayList<>();

        assertThat(s.completedTurn(seen).status()).as("no request (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/x")).doesNotExist();
        assertThat(completedCommand(seen, "call_write").exitCode()).isNotZero();
        assertThat(s.outputSentToModel("call_write")).containsAnyOf("Permission denied", "Read-only file system");
        assertThat(completedCommand(seen, "call_read").exitCode()).as("reads still work").isZero();
    }

    @Test
    void readOnlySandboxUnderNeverRefusesPatchesWithoutAsking() throws Exception {
        Path file = s.h.workdir.resolve("sub/patched.txt");
        s.h.mock.enqueue(patchAdding("call_patch", file), MockResponse.reply("Could not."));
        String threadId = s.startThread(AskForApproval.NEVER, SandboxMode.READ_ONLY);
        s.turn(threadId, "Write sub/patched.txt.");

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(file).doesNotExist();
        assertThat(s.outputSentToModel("call_patch")).isEqualTo("patch rejected: writing is blocked by read-only "
                + "sandbox; rejected by user approval settings");
    }

    static MockResponse patchAdding(String callId, Path file) {
        return MockResponse.sse().customToolCall(callId, "apply_patch", "*** Begin Patch\n*** Add File: " + file
                + "\n+outside\n*** End Patch\n").build();
    }
}
