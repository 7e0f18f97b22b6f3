package dev.jcodex.appserver;

import static dev.jcodex.appserver.ServerHarness.prompt;
import static dev.jcodex.appserver.ServerHarness.untilTurnCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.ServerEvent;
import dev.jcodex.appserver.protocol.ApprovalDecision;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalParams;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalResponse;
import dev.jcodex.appserver.protocol.PatchApplyStatus;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Patch approvals travel as {@code item/fileChange/requestApproval} and come back as core review decisions. */
class ApprovalsTest {
    static final String PATCH = "*** Begin Patch\n*** Add File: hello.txt\n+Hello, world!\n*** Update File: README.md\n"
            + "@@\n-# Demo project\n+# Demo project (edited)\n*** End Patch\n";

    ServerHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new ServerHarness();
        Files.writeString(h.workdir.resolve("README.md"), "# Demo project\n\nSome text.\n");
        h.mock.enqueue(MockResponse.sse().customToolCall("call_patch", "apply_patch", PATCH).build(),
                MockResponse.reply("Done."));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Runs a turn that asks for a patch approval; {@code answer} replies to the request. */
    private record Outcome(String threadId, String turnId, ServerRequest.FileChangeRequestApproval request,
            List<ServerNotification> after) {}

    private Outcome run(BiConsumer<AppServerClient, ServerRequest> answer) throws Exception {
        AppServerClient client = h.connectInitialized();
        String threadId = client.threadStart(ThreadStartParams.builder().cwd(h.workdir.toString())
                .approvalPolicy(AskForApproval.UNTRUSTED).sandbox(SandboxMode.WORKSPACE_WRITE).build()).thread().id();
        String turnId = client.turnStart(prompt(threadId, "Edit.")).turn().id();
        ServerEvent.Request asked = TurnNotificationsTest.nextRequest(client);
        assertThat(asked.request()).isInstanceOf(ServerRequest.FileChangeRequestApproval.class);
        answer.accept(client, asked.request());
        return new Outcome(threadId, turnId, (ServerRequest.FileChangeRequestApproval) asked.request(),
                untilTurnCompleted(client));
    }

    @Test
    void acceptedPatchIsApplied() throws Exception {
        Outcome o = run((c, r) -> c.respond(r.id(), new FileChangeRequestApprovalResponse(ApprovalDecision.ACCEPT)));

        assertThat(o.request().params()).isEqualTo(new FileChangeRequestApprovalParams(o.threadId(), o.turnId(),
                "call_patch", null, null));
        int resolved = o.after().indexOf(new ServerNotification.ServerRequestResolved(o.threadId(),
                o.request().id()));
        int patchStarted = indexOf(o.after(), n -> n instanceof ServerNotification.ItemStarted s
                && s.item() instanceof ThreadItem.FileChange f && f.status() == PatchApplyStatus.IN_PROGRESS);
        assertThat(resolved).isNotNegative().isLessThan(patchStarted);
        assertThat(Files.readString(h.workdir.resolve("hello.txt"))).isEqualTo("Hello, world!\n");
        assertThat(((ServerNotification.TurnCompleted) o.after().getLast()).turn().status())
                .isEqualTo(TurnStatus.COMPLETED);
    }

    private static int indexOf(List<ServerNotification> seen, java.util.function.Predicate<ServerNotification> p) {
        for (int i = 0; i < seen.size(); i++) {
            if (p.test(seen.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void declinedPatchIsNotApplied() throws Exception {
        Outcome o = run((c, r) -> c.respond(r.id(), new FileChangeRequestApprovalResponse(ApprovalDecision.DECLINE)));

        assertThat(h.workdir.resolve("hello.txt")).doesNotExist();
        assertThat(h.mock.modelRequests().get(1).bodyText()).contains("patch rejected by user");
        assertThat(((ServerNotification.TurnCompleted) o.after().getLast()).turn().status())
                .isEqualTo(TurnStatus.COMPLETED);
    }

    @Test
    void errorAnswerCountsAsDenied() throws Exception {
        Outcome o = run((c, r) -> c.respondError(r.id(), -32000, "file change approval is not supported"));

        assertThat(h.workdir.resolve("hello.txt")).doesNotExist();
        assertThat(h.mock.modelRequests().get(1).bodyText()).contains("patch rejected by user");
        assertThat(o.after()).contains(new ServerNotification.ServerRequestResolved(o.threadId(), o.request().id()));
    }

    @Test
    void cancelInterruptsTheTurn() throws Exception {
        Outcome o = run((c, r) -> c.respond(r.id(), new FileChangeRequestApprovalResponse(ApprovalDecision.CANCEL)));

        assertThat(h.workdir.resolve("hello.txt")).doesNotExist();
        assertThat(((ServerNotification.TurnCompleted) o.after().getLast()).turn().status())
                .isEqualTo(TurnStatus.INTERRUPTED);
    }

    @Test
    void interruptWhileWaitingResolvesThePendingRequest() throws Exception {
        Outcome o = run((c, r) -> c.turnInterrupt(new dev.jcodex.appserver.protocol.TurnInterruptParams(
                r.threadId(), null)));

        assertThat(o.after()).contains(new ServerNotification.ServerRequestResolved(o.threadId(), o.request().id()));
        assertThat(((ServerNotification.TurnCompleted) o.after().getLast()).turn().status())
                .isEqualTo(TurnStatus.INTERRUPTED);
        assertThat(h.workdir.resolve("hello.txt")).doesNotExist();
    }
}
