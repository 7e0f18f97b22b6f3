package dev.jcodex.appserver;

import static dev.jcodex.appserver.ServerHarness.prompt;
import static dev.jcodex.appserver.ServerHarness.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.ServerEvent;
import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing the server or losing the client while work is in flight. */
class ShutdownTest {
    ServerHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new ServerHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void closingTheServerDuringATurnKeepsTheRollout() throws Exception {
        h.mock.enqueue(MockResponse.sse().stall().build());
        AppServerClient client = h.connectInitialized();
        AppServerThread thread = h.startThread().thread();
        client.turnStart(prompt(thread.id(), "Take your time."));
        until(client, n -> n instanceof ServerNotification.ItemCompleted c
                && c.item() instanceof ThreadItem.UserMessage);
        h.mock.awaitRequests(1, ServerHarness.WAIT);

        h.connectInitialized();

        String rollout = Files.readString(Path.of(thread.path()));
        assertThat(rollout).contains("Take your time.", "\"type\":\"turn_aborted\"");
        AppServerThread stored = h.client.threadRead(new ThreadReadParams(thread.id(), true)).thread();
        assertThat(stored.turns()).singleElement().satisfies(turn -> {
            assertThat(turn.status()).isEqualTo(TurnStatus.INTERRUPTED);
            assertThat(turn.items()).extracting(ThreadItem::type).containsExactly("userMessage");
        });
    }

    @Test
    void losingTheOnlyClientDeniesItsPendingApproval() throws Exception {
        Files.writeString(h.workdir.resolve("README.md"), "# Demo project\n\nSome text.\n");
        h.mock.enqueue(MockResponse.sse().customToolCall("call_patch", "apply_patch", ApprovalsTest.PATCH).build(),
                MockResponse.reply("Done."));
        AppServerClient client = h.connectInitialized();
        String threadId = client.threadStart(ThreadStartParams.builder().cwd(h.workdir.toString())
                .approvalPolicy(AskForApproval.UNTRUSTED).sandbox(SandboxMode.WORKSPACE_WRITE).build()).thread().id();
        client.turnStart(prompt(threadId, "Edit."));
        ServerEvent.Request asked = TurnNotificationsTest.nextRequest(client);
        assertThat(asked.request()).isInstanceOf(ServerRequest.FileChangeRequestApproval.class);

        client.close();

        h.mock.awaitRequests(2, ServerHarness.WAIT);
        assertThat(h.mock.modelRequests().get(1).bodyText()).contains("patch rejected by user");
        assertThat(h.workdir.resolve("hello.txt")).doesNotExist();
    }
}
