package dev.jcodex.appserver;

import static dev.jcodex.appserver.ApprovalScenario.completedCommand;
import static dev.jcodex.appserver.ApprovalScenario.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.ApprovalDecision;
import dev.jcodex.appserver.protocol.CommandExecutionRequestApprovalParams;
import dev.jcodex.appserver.protocol.CommandExecutionStatus;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code untrusted} end to end (spec §6.1, §6.4, §6.5, §13.6): a command that is not known to be safe travels as
 * {@code item/commandExecution/requestApproval} through the real server to this client, and each answer
 * ({@code accept}, {@code acceptForSession}, {@code decline}, {@code cancel}) reaches the real core, which runs
 * the real process under the real sandbox (workspace-write) — or does not.
 */
class ApprovalFlowsTest {
    static final String TOUCH = "touch sub/x";

    ApprovalScenario s;

    @BeforeEach
    void setUp() throws Exception {
        ApprovalScenario.assumeSandbox();
        s = new ApprovalScenario();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (s != null) {
            s.close();
        }
    }

    @Test
    void acceptedCommandRunsAndTheModelGetsItsOutput() throws Exception {
        s.h.mock.enqueue(exec("call_touch", TOUCH + " && echo touched"), MockResponse.reply("Created it."));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        String turnId = s.turn(threadId, "Create sub/x.");
        List<ServerNotification> seen = new ArrayList<>();

        ServerRequest request = s.nextRequest(seen);
        assertThat(request).isInstanceOf(ServerRequest.CommandExecutionRequestApproval.class);
        assertThat(((ServerRequest.CommandExecutionRequestApproval) request).params())
                .isEqualTo(new CommandExecutionRequestApprovalParams(threadId, turnId, "call_touch", null, null, null,
                        "/bin/bash -lc 'touch sub/x && echo touched'", s.h.workdir.toString(), null, null, null, null,
                        null));
        assertThat(s.h.workdir.resolve("sub/x")).as("nothing runs before the answer").doesNotExist();
        s.answerCommand(request, ApprovalDecision.ACCEPT);
        Turn turn = s.completedTurn(seen);

        assertThat(turn.status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(seen).contains(new ServerNotification.ServerRequestResolved(threadId, request.id()));
        assertThat(s.h.workdir.resolve("sub/x")).exists();
        ThreadItem.CommandExecution item = completedCommand(seen, "call_touch");
        assertThat(item.status()).isEqualTo(CommandExecutionStatus.COMPLETED);
        assertThat(item.exitCode()).isZero();
        assertThat(s.outputSentToModel("call_touch")).contains("Process exited with code 0").contains("touched");
        assertThat(s.h.mock.modelRequests()).hasSize(2);
    }

    @Test
    void declinedCommandDoesNotRunAndTheTurnGoesOn() throws Exception {
        s.h.mock.enqueue(exec("call_touch", TOUCH), MockResponse.reply("Understood, I will not create it."));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Create sub/x.");
        List<ServerNotification> seen = new ArrayList<>();

        s.answerCommand(s.nextRequest(seen), ApprovalDecision.DECLINE);
        Turn turn = s.completedTurn(seen);

        assertThat(turn.status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/x")).doesNotExist();
        assertThat(s.outputSentToModel("call_touch")).isEqualTo("exec command rejected by user");
        ThreadItem.CommandExecution item = completedCommand(seen, "call_touch");
        assertThat(item.status()).isEqualTo(CommandExecutionStatus.DECLINED);
        assertThat(item.exitCode()).isNull();
        assertThat(seen).anyMatch(n -> n instanceof ServerNotification.ItemCompleted c
                && c.item() instanceof ThreadItem.AgentMessage m && m.text().equals("Understood, I will not create it."));
    }

    @Test
    void cancelledCommandDoesNotRunAndInterruptsTheTurn() throws Exception {
        s.h.mock.enqueue(exec("call_touch", TOUCH), MockResponse.reply("never requested"));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Create sub/x.");
        List<ServerNotification> seen = new ArrayList<>();

        ServerRequest request = s.nextRequest(seen);
        s.answerCommand(request, ApprovalDecision.CANCEL);
        Turn turn = s.completedTurn(seen);

        assertThat(turn.status()).isEqualTo(TurnStatus.INTERRUPTED);
        assertThat(s.h.workdir.resolve("sub/x")).doesNotExist();
        assertThat(s.h.mock.modelRequests()).as("the model is not asked again").hasSize(1);
        assertThat(seen).contains(new ServerNotification.ServerRequestResolved(threadId, request.id()));
        assertThat(completedCommand(seen, "call_touch").status()).isNotEqualTo(CommandExecutionStatus.COMPLETED);
    }

    @Test
    void acceptForSessionRunsTheSameCommandAgainWithoutAsking() throws Exception {
        s.h.mock.enqueue(exec("call_1", TOUCH), MockResponse.reply("Created."),
                exec("call_2", TOUCH), MockResponse.reply("Touched again."),
                exec("call_3", "touch sub/y"), MockResponse.reply("Declined."));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Create sub/x.");
        s.answerCommand(s.nextRequest(null), ApprovalDecision.ACCEPT_FOR_SESSION);
        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        Files.delete(s.h.workdir.resolve("sub/x"));

        List<ServerNotification> second = new ArrayList<>();
        s.turn(threadId, "Once more.");
        assertThat(s.completedTurn(second).status()).as("no request in between (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(completedCommand(second, "call_2").status()).isEqualTo(CommandExecutionStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/x")).exists();

        s.turn(threadId, "And another file.");
        ServerRequest other = s.nextRequest(null);
        assertThat(((ServerRequest.CommandExecutionRequestApproval) other).params().command())
                .as("a different command still asks").isEqualTo("/bin/bash -lc 'touch sub/y'");
        s.answerCommand(other, ApprovalDecision.DECLINE);
        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/y")).doesNotExist();
    }

    @Test
    void interruptWhileAskingResolvesTheRequestAndRunsNothing() throws Exception {
        s.h.mock.enqueue(exec("call_touch", TOUCH), MockResponse.reply("never requested"));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        String turnId = s.turn(threadId, "Create sub/x.");
        List<ServerNotification> seen = new ArrayList<>();

        ServerRequest request = s.nextRequest(seen);
        s.h.client.turnInterrupt(new TurnInterruptParams(threadId, turnId));
        Turn turn = s.completedTurn(seen);

        assertThat(turn.status()).isEqualTo(TurnStatus.INTERRUPTED);
        assertThat(seen).contains(new ServerNotification.ServerRequestResolved(threadId, request.id()));
        assertThat(s.h.workdir.resolve("sub/x")).doesNotExist();
        assertThat(s.h.mock.modelRequests()).hasSize(1);
        s.answerCommand(request, ApprovalDecision.ACCEPT);
        assertThat(s.h.workdir.resolve("sub/x")).as("a late answer runs nothing").doesNotExist();
    }

    /** Spec §6.3: {@code approved_for_session} on a patch is remembered per file path. */
    @Test
    void acceptForSessionOnAPatchCoversLaterPatchesOfTheSameFiles() throws Exception {
        s.h.mock.enqueue(patch("call_add", "*** Add File: sub/a.txt\n+one\n"), MockResponse.reply("Added."),
                patch("call_edit", "*** Update File: sub/a.txt\n@@\n-one\n+two\n"), MockResponse.reply("Edited."),
                patch("call_other", "*** Add File: sub/b.txt\n+other\n"), MockResponse.reply("Asked."));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Add sub/a.txt.");
        s.answerFileChange(s.nextRequest(null), ApprovalDecision.ACCEPT_FOR_SESSION);
        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);

        s.turn(threadId, "Edit it.");
        assertThat(s.completedTurn(null).status()).as("no request for the same file (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/a.txt")).hasContent("two");

        s.turn(threadId, "Add another file.");
        ServerRequest other = s.nextRequest(null);
        assertThat(((ServerRequest.FileChangeRequestApproval) other).params().itemId()).isEqualTo("call_other");
        s.answerFileChange(other, ApprovalDecision.DECLINE);
        assertThat(s.completedTurn(null).status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(s.h.workdir.resolve("sub/b.txt")).doesNotExist();
    }

    static MockResponse patch(String callId, String hunks) {
        return MockResponse.sse().customToolCall(callId, "apply_patch", "*** Begin Patch\n" + hunks
                + "*** End Patch\n").build();
    }

    @Test
    void knownSafeCommandsRunWithoutAsking() throws Exception {
        Files.writeString(s.h.workdir.resolve("sub/notes.txt"), "notes\n");
        s.h.mock.enqueue(exec("call_ls", "ls sub"), exec("call_status", "git status"),
                exec("call_cat", "cat sub/notes.txt | wc -l"), MockResponse.reply("Looked around."));
        String threadId = s.startThread(AskForApproval.UNTRUSTED, SandboxMode.WORKSPACE_WRITE);
        s.turn(threadId, "Look around.");
        List<ServerNotification> seen = new ArrayList<>();

        assertThat(s.completedTurn(seen).status()).as("no request (it would fail the wait)")
                .isEqualTo(TurnStatus.COMPLETED);
        for (String call : List.of("call_ls", "call_status", "call_cat")) {
            assertThat(completedCommand(seen, call).exitCode()).as(call).isZero();
        }
        assertThat(s.outputSentToModel("call_ls")).contains("notes.txt");
        assertThat(s.outputSentToModel("call_status")).contains("On branch");
        assertThat(s.outputSentToModel("call_cat")).contains("Output:\n1");
    }
}
