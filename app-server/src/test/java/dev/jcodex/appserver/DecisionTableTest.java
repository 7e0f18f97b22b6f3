package dev.jcodex.appserver;

import static dev.jcodex.appserver.ApprovalScenario.completedCommand;
import static dev.jcodex.appserver.ApprovalScenario.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.ApprovalDecision;
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
 * Rows of the decision table (spec §6.4) that combine a prompt with the sandbox, end to end: an approval given
 * under {@code untrusted} also covers the re-run after a sandbox denial; dangerous commands prompt (or are
 * forbidden under {@code never}); exec-policy rules prompt with their justification or bypass the sandbox.
 */
class DecisionTableTest {
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

    @Test
    void untrustedApprovalCoversTheRerunAfterASandboxDenial() throws Exception {
        s.h.mock.enqueue(exec("call_out", "touch " + target), MockResponse.reply("Done."));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch the outside file.");
        List<ServerNotification> seen = new ArrayList<>();

        ServerRequest request = s.nextRequest(seen);
        assertThat(((ServerRequest.CommandExecutionRequestApproval) request).params().reason()).isNull();
        s.answerCommand(request, ApprovalDecision.ACCEPT);

        assertThat(s.completedTurn(seen).status()).as("one request only (a second would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).exists();
        assertThat(completedCommand(seen, "call_out").exitCode()).isZero();
    }

    @Test
    void dangerousCommandPromptsUnderOnRequest() throws Exception {
        Path doomed = Files.createDirectories(s.h.workdir.resolve("sub/doomed"));
        s.h.mock.enqueue(exec("call_rm", "rm -rf sub/doomed"), MockResponse.reply("Kept it."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Remove sub/doomed.");

        ServerRequest request = s.nextRequest(null);
        assertThat(((ServerRequest.CommandExecutionRequestApproval) request).params().command())
                .isEqualTo("/bin/bash -lc 'rm -rf sub/doomed'");
        s.answerCommand(request, ApprovalDecision.DECLINE);

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(doomed).isDirectory();
        assertThat(s.outputSentToModel("call_rm")).isEqualTo("exec command rejected by user");
    }

    @Test
    void dangerousCommandIsForbiddenUnderNever() throws Exception {
        Path doomed = Files.createDirectories(s.h.workdir.resolve("sub/doomed"));
        s.h.mock.enqueue(exec("call_rm", "rm -rf sub/doomed"), MockResponse.reply("Kept it."));
        String threadId = s.startThread(AskForApproval.NEVER, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Remove sub/doomed.");

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(doomed).isDirectory();
        // The quoting of the script word is execpolicy's (double quotes; the reference's shlex 1.3 uses single).
        assertThat(s.outputSentToModel("call_rm")).matches("`/bin/bash -lc (\"rm -rf sub/doomed\"|'rm -rf "
                + "sub/doomed')` rejected: blocked by policy");
    }

    @Test
    void escalationIsRefusedUnderEveryPolicyButOnRequest() throws Exception {
        s.h.mock.enqueue(ApprovalScenario.execEscalated("call_u", "touch " + target, "Allow?"), MockResponse.reply("u"),
                ApprovalScenario.execEscalated("call_f", "touch " + target, "Allow?"), MockResponse.reply("f"));
        String untrusted = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        s.turn(untrusted, "Escalate.");
        assertThat(s.completedTurn(null).status()).as("no request (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        String onFailure = s.startThread(AskForApproval.ON_FAILURE, SandboxMode.WORKSPACE_WRITE);
        s.turn(onFailure, "Escalate.");
        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);

        assertThat(target).doesNotExist();
        assertThat(s.outputSentToModel("call_u")).isEqualTo("approval policy is UnlessTrusted; reject command — you "
                + "should not ask for escalated permissions if the approval policy is UnlessTrusted");
        assertThat(s.outputSentToModel("call_f")).isEqualTo("approval policy is OnFailure; reject command — you "
                + "should not ask for escalated permissions if the approval policy is OnFailure");
    }

    @Test
    void rulePromptAsksWithItsJustification() throws Exception {
        s.h.home.writeFile("rules/default.rules",
                "prefix_rule(pattern=[\"touch\"], decision=\"prompt\", justification=\"touching needs a human\")\n");
        s.h.mock.enqueue(exec("call_touch", "touch sub/x"), MockResponse.reply("Done."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch sub/x.");

        ServerRequest request = s.nextRequest(null);
        assertThat(((ServerRequest.CommandExecutionRequestApproval) request).params().reason())
                .matches("`/bin/bash -lc (\"touch sub/x\"|'touch sub/x')` requires approval: touching needs a human");
        s.answerCommand(request, ApprovalDecision.ACCEPT);

        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/x")).exists();
    }

    @Test
    void ruleAllowedCommandBypassesTheSandbox() throws Exception {
        s.h.home.writeFile("rules/default.rules", "prefix_rule(pattern=[\"touch\"], decision=\"allow\")\n");
        s.h.mock.enqueue(exec("call_out", "touch " + target), MockResponse.reply("Done."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Touch the outside file.");
        List<ServerNotification> seen = new ArrayList<>();

        assertThat(s.completedTurn(seen).status()).as("no request (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).as("every segment allowed by a rule: no sandbox").exists();
        assertThat(completedCommand(seen, "call_out").exitCode()).isZero();
    }

    /**
     * Spec §6.2: {@code /tmp} is a writable root of workspace-write unless excluded — for a sandboxed command and for
     * the patch safety check alike, so neither asks.
     */
    @Test
    void slashTmpIsWritableForCommandsAndPatchesUnlessExcluded() throws Exception {
        Path patched = s.outside.resolve("patched.txt");
        s.h.mock.enqueue(exec("call_out", "touch " + target), SandboxEscalationTest.patchAdding("call_patch", patched),
                MockResponse.reply("Both written."));
        String threadId = s.startThread(AskForApproval.ON_REQUEST, SandboxMode.WORKSPACE_WRITE,
                Map.of("sandbox_workspace_write.exclude_slash_tmp", BooleanNode.FALSE));
        s.turn(threadId, "Write under /tmp.");
        List<ServerNotification> seen = new ArrayList<>();

        assertThat(s.completedTurn(seen).status()).as("no request (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(target).exists();
        assertThat(patched).hasContent("outside");
        assertThat(completedCommand(seen, "call_out").exitCode()).isZero();
    }
}
