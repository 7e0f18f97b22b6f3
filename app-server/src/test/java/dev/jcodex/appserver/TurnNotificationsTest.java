package dev.jcodex.appserver;

import static dev.jcodex.appserver.ServerHarness.methods;
import static dev.jcodex.appserver.ServerHarness.prompt;
import static dev.jcodex.appserver.ServerHarness.until;
import static dev.jcodex.appserver.ServerHarness.untilTurnCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.ServerEvent;
import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.SandboxPolicy;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import dev.jcodex.appserver.protocol.ThreadStatus;
import dev.jcodex.appserver.protocol.ThreadTokenUsage;
import dev.jcodex.appserver.protocol.TokenUsageBreakdown;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnError;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Turns through the real server and core against the mock Responses API: the notification sequences. */
class TurnNotificationsTest {
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
    void plainReplyProducesTheReferenceSequence() throws Exception {
        h.mock.enqueue(MockResponse.sse().message("Hello from the mock model.", 3).build());
        AppServerClient client = h.connectInitialized();
        ThreadStartResponse started = h.startThread();
        AppServerThread thread = started.thread();
        String threadId = thread.id();

        assertThat(started.model()).isEqualTo("gpt-5.5");
        assertThat(started.modelProvider()).isEqualTo("mock");
        assertThat(started.cwd()).isEqualTo(h.workdir.toString());
        assertThat(started.approvalPolicy()).isEqualTo(AskForApproval.NEVER);
        assertThat(started.approvalsReviewer()).isEqualTo("user");
        assertThat(started.sandbox()).isEqualTo(new SandboxPolicy.ReadOnly(null, null));
        assertThat(started.reasoningEffort()).isNull();
        assertThat(started.serviceTier()).isNull();
        assertThat(started.instructionSources()).isEmpty();
        assertThat(thread.preview()).isEmpty();
        assertThat(thread.ephemeral()).isFalse();
        assertThat(thread.createdAt()).isEqualTo(thread.updatedAt());
        assertThat(thread.status()).isEqualTo(new ThreadStatus.Idle());
        assertThat(Path.of(thread.path())).isRegularFile();
        assertThat(thread.cwd()).isEqualTo(h.workdir.toString());
        assertThat(thread.cliVersion()).isEqualTo("0.1.0");
        assertThat(thread.source()).isEqualTo(JsonNodeFactory.instance.stringNode("exec"));
        assertThat(thread.turns()).isEmpty();

        String turnId = client.turnStart(prompt(threadId, "Say hello.")).turn().id();
        List<ServerNotification> seen = untilTurnCompleted(client);

        assertThat(methods(seen)).containsExactly(Methods.THREAD_STARTED, Methods.TURN_STARTED,
                Methods.ITEM_STARTED, Methods.ITEM_COMPLETED, Methods.ITEM_STARTED,
                Methods.ITEM_AGENT_MESSAGE_DELTA, Methods.ITEM_AGENT_MESSAGE_DELTA, Methods.ITEM_AGENT_MESSAGE_DELTA,
                Methods.ITEM_COMPLETED, Methods.THREAD_TOKEN_USAGE_UPDATED, Methods.TURN_COMPLETED);
        assertThat(seen.getFirst()).isEqualTo(new ServerNotification.ThreadStarted(thread));
        var turnStarted = (ServerNotification.TurnStarted) seen.get(1);
        assertThat(turnStarted.threadId()).isEqualTo(threadId);
        assertThat(turnStarted.turn().id()).isEqualTo(turnId);
        assertThat(turnStarted.turn().status()).isEqualTo(TurnStatus.IN_PROGRESS);
        assertThat(turnStarted.turn().startedAt()).isNotNull();

        ThreadItem user = ((ServerNotification.ItemStarted) seen.get(2)).item();
        assertThat(user).isEqualTo(new ThreadItem.UserMessage(user.id(), List.of(UserInput.Text.of("Say hello."))));
        assertThat(seen.get(3)).isEqualTo(new ServerNotification.ItemCompleted(user, threadId, turnId));
        String messageId = ((ServerNotification.ItemStarted) seen.get(4)).item().id();
        assertThat(seen.get(4)).isEqualTo(new ServerNotification.ItemStarted(ThreadItem.AgentMessage.of(messageId, ""),
                threadId, turnId));
        assertThat(seen.subList(5, 8)).extracting(n -> ((ServerNotification.AgentMessageDelta) n).delta())
                .containsExactly("Hello fro", "m the moc", "k model.");
        assertThat(seen.get(5)).isEqualTo(new ServerNotification.AgentMessageDelta(threadId, turnId, messageId,
                "Hello fro"));
        assertThat(seen.get(8)).isEqualTo(new ServerNotification.ItemCompleted(
                ThreadItem.AgentMessage.of(messageId, "Hello from the mock model."), threadId, turnId));
        TokenUsageBreakdown usage = new TokenUsageBreakdown(120, 100, 0, 20, 0, 0);
        assertThat(seen.get(9)).isEqualTo(new ServerNotification.ThreadTokenUsageUpdated(threadId, turnId,
                new ThreadTokenUsage(usage, usage, 272_000L)));
        Turn completed = ((ServerNotification.TurnCompleted) seen.get(10)).turn();
        assertThat(completed.id()).isEqualTo(turnId);
        assertThat(completed.status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(completed.error()).isNull();
        assertThat(completed.items()).isEmpty();
        assertThat(completed.completedAt()).isGreaterThanOrEqualTo(completed.startedAt());
        assertThat(completed.durationMs()).isNotNull();

        Turn read = client.threadRead(new ThreadReadParams(threadId, true)).thread().turns().getFirst();
        assertThat(read.id()).isEqualTo(turnId);
        assertThat(read.status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(read.items()).containsExactly(user, ThreadItem.AgentMessage.of(messageId,
                "Hello from the mock model."));
    }

    @Test
    void reasoningItemsAndDeltas() throws Exception {
        h.mock.enqueue(MockResponse.sse().reasoning(List.of("Planning."), List.of("raw thought"), "enc")
                .message("Done.").build());
        AppServerClient client = h.connectInitialized();
        String threadId = h.startThread().thread().id();
        String turnId = client.turnStart(prompt(threadId, "Think.")).turn().id();
        List<ServerNotification> seen = untilTurnCompleted(client);

        ThreadItem.Reasoning completed = seen.stream().filter(n -> n instanceof ServerNotification.ItemCompleted c
                && c.item() instanceof ThreadItem.Reasoning).map(n -> (ThreadItem.Reasoning)
                ((ServerNotification.ItemCompleted) n).item()).findFirst().orElseThrow();
        assertThat(completed.summary()).containsExactly("Planning.");
        assertThat(completed.content()).containsExactly("raw thought");
        assertThat(seen).contains(
                new ServerNotification.ItemStarted(new ThreadItem.Reasoning(completed.id(), List.of(), List.of()),
                        threadId, turnId),
                new ServerNotification.ReasoningSummaryTextDelta(threadId, turnId, completed.id(), "Planning.", 0),
                new ServerNotification.ReasoningTextDelta(threadId, turnId, completed.id(), "raw thought", 0));
    }

    @Test
    void retryableFailureSendsAnErrorThatWillRetryThenCompletes() throws Exception {
        h.mock.enqueue(MockResponse.httpError(500), MockResponse.reply("Hello after a retry."));
        AppServerClient client = h.connectInitialized();
        String threadId = h.startThread().thread().id();
        String turnId = client.turnStart(prompt(threadId, "Say hello despite a server error.")).turn().id();
        List<ServerNotification> seen = untilTurnCompleted(client);

        List<ServerNotification.Error> errors = errors(seen);
        assertThat(errors).hasSize(1);
        ServerNotification.Error retry = errors.getFirst();
        assertThat(retry.willRetry()).isTrue();
        assertThat(retry.threadId()).isEqualTo(threadId);
        assertThat(retry.turnId()).isEqualTo(turnId);
        assertThat(retry.error().message()).isEqualTo("Reconnecting... 1/2");
        assertThat(retry.error().additionalDetails()).isNotBlank();
        assertThat(retry.error().codexErrorInfo()).isNull();
        assertThat(((ServerNotification.TurnCompleted) seen.getLast()).turn().status())
                .isEqualTo(TurnStatus.COMPLETED);
    }

    @Test
    void persistentFailureFailsTheTurnWithTheLastError() throws Exception {
        h.mock.defaultResponse(MockResponse.httpError(500));
        AppServerClient client = h.connectInitialized();
        String threadId = h.startThread().thread().id();
        String turnId = client.turnStart(prompt(threadId, "Say hello to a broken server.")).turn().id();
        List<ServerNotification> seen = untilTurnCompleted(client);

        List<ServerNotification.Error> errors = errors(seen);
        assertThat(errors).extracting(ServerNotification.Error::willRetry).containsExactly(true, true, false);
        assertThat(errors).extracting(e -> e.error().message()).startsWith("Reconnecting... 1/2",
                "Reconnecting... 2/2");
        TurnError fatal = errors.getLast().error();
        assertThat(fatal.additionalDetails()).isNull();
        Turn turn = ((ServerNotification.TurnCompleted) seen.getLast()).turn();
        assertThat(turn.id()).isEqualTo(turnId);
        assertThat(turn.status()).isEqualTo(TurnStatus.FAILED);
        assertThat(turn.error()).isEqualTo(fatal);
        assertThat(client.threadRead(new ThreadReadParams(threadId, true)).thread().turns().getFirst().status())
                .isEqualTo(TurnStatus.FAILED);
    }

    @Test
    void interruptCompletesTheTurnAsInterrupted() throws Exception {
        h.mock.enqueue(MockResponse.sse().stall().build());
        AppServerClient client = h.connectInitialized();
        String threadId = h.startThread().thread().id();
        String turnId = client.turnStart(prompt(threadId, "Take your time.")).turn().id();
        until(client, n -> n instanceof ServerNotification.ItemCompleted c
                && c.item() instanceof ThreadItem.UserMessage);
        h.mock.awaitRequests(1, ServerHarness.WAIT);

        client.turnInterrupt(new TurnInterruptParams(threadId, turnId));
        List<ServerNotification> seen = untilTurnCompleted(client);

        Turn turn = ((ServerNotification.TurnCompleted) seen.getLast()).turn();
        assertThat(turn.id()).isEqualTo(turnId);
        assertThat(turn.status()).isEqualTo(TurnStatus.INTERRUPTED);
        assertThat(turn.error()).isNull();
        assertThat(errors(seen)).isEmpty();
    }

    @Test
    void updatePlanSendsPlanUpdates() throws Exception {
        h.mock.enqueue(MockResponse.sse().functionCall("call_plan1", "update_plan",
                        "{\"explanation\":\"Initial plan\",\"plan\":[{\"step\":\"Inspect\",\"status\":\"in_progress\"},"
                                + "{\"step\":\"Test\",\"status\":\"pending\"}]}").build(),
                MockResponse.reply("Plan done."));
        AppServerClient client = h.connectInitialized();
        String threadId = h.startThread().thread().id();
        String turnId = client.turnStart(prompt(threadId, "Plan.")).turn().id();
        List<ServerNotification> seen = untilTurnCompleted(client);

        assertThat(seen).contains(new ServerNotification.TurnPlanUpdated(threadId, turnId, "Initial plan", List.of(
                new dev.jcodex.appserver.protocol.TurnPlanStep("Inspect",
                        dev.jcodex.appserver.protocol.TurnPlanStep.Status.IN_PROGRESS),
                new dev.jcodex.appserver.protocol.TurnPlanStep("Test",
                        dev.jcodex.appserver.protocol.TurnPlanStep.Status.PENDING))));
        assertThat(methods(seen)).endsWith(Methods.ITEM_COMPLETED, Methods.THREAD_TOKEN_USAGE_UPDATED,
                Methods.TURN_COMPLETED);
        assertThat(methods(seen)).filteredOn(Methods.THREAD_TOKEN_USAGE_UPDATED::equals).hasSize(2);
    }

    @Test
    void applyPatchSendsFileChangeItemsAndTheTurnDiff() throws Exception {
        Files.writeString(h.workdir.resolve("README.md"), "# Demo project\n\nSome text.\n");
        h.mock.enqueue(MockResponse.sse().customToolCall("call_patch", "apply_patch", ApprovalsTest.PATCH).build(),
                MockResponse.reply("Created hello.txt and updated README.md."));
        AppServerClient client = h.connectInitialized();
        String threadId = client.threadStart(dev.jcodex.appserver.protocol.ThreadStartParams.builder()
                .cwd(h.workdir.toString()).approvalPolicy(AskForApproval.NEVER)
                .sandbox(dev.jcodex.protocol.SandboxMode.WORKSPACE_WRITE).build()).thread().id();
        String turnId = client.turnStart(prompt(threadId, "Create hello.txt and update the README title.")).turn()
                .id();
        List<ServerNotification> seen = untilTurnCompleted(client);

        assertThat(Files.readString(h.workdir.resolve("hello.txt"))).isEqualTo("Hello, world!\n");
        var started = seen.stream().filter(n -> n instanceof ServerNotification.ItemStarted s
                && s.item() instanceof ThreadItem.FileChange).map(n -> (ThreadItem.FileChange)
                ((ServerNotification.ItemStarted) n).item()).findFirst().orElseThrow();
        assertThat(started.id()).isEqualTo("call_patch");
        assertThat(started.status()).isEqualTo(dev.jcodex.appserver.protocol.PatchApplyStatus.IN_PROGRESS);
        assertThat(started.changes()).extracting(c -> c.path()).containsExactly(
                h.workdir.resolve("README.md").toString(), h.workdir.resolve("hello.txt").toString());
        assertThat(started.changes()).extracting(c -> c.kind()).containsExactly(
                new dev.jcodex.appserver.protocol.PatchChangeKind.Update(null),
                new dev.jcodex.appserver.protocol.PatchChangeKind.Add());
        assertThat(seen).contains(new ServerNotification.ItemCompleted(new ThreadItem.FileChange("call_patch",
                started.changes(), dev.jcodex.appserver.protocol.PatchApplyStatus.COMPLETED), threadId, turnId));
        var diff = seen.stream().filter(ServerNotification.TurnDiffUpdated.class::isInstance)
                .map(ServerNotification.TurnDiffUpdated.class::cast).findFirst().orElseThrow();
        assertThat(diff.turnId()).isEqualTo(turnId);
        assertThat(diff.diff()).contains("+# Demo project (edited)");
        assertThat(methods(seen)).containsSubsequence(Methods.ITEM_STARTED, Methods.ITEM_COMPLETED,
                Methods.TURN_DIFF_UPDATED).endsWith(Methods.ITEM_COMPLETED, Methods.THREAD_TOKEN_USAGE_UPDATED,
                Methods.TURN_COMPLETED);
    }

    @Test
    void notificationsGoOnlyToSubscribedConnections() throws Exception {
        h.mock.enqueue(MockResponse.reply("one"), MockResponse.reply("two"));
        AppServerClient client = h.connectInitialized();
        AppServerClient other = h.secondClient();
        other.initialize(dev.jcodex.appserver.protocol.ClientInfo.of("observer", "1"));
        String threadId = h.startThread().thread().id();
        client.turnStart(prompt(threadId, "first"));
        untilTurnCompleted(client);
        assertThat(other.next(java.time.Duration.ofMillis(200))).isEmpty();

        other.threadResume(dev.jcodex.appserver.protocol.ThreadResumeParams.of(threadId, null, null, null, null));
        client.threadUnsubscribe(new dev.jcodex.appserver.protocol.ThreadUnsubscribeParams(threadId));
        client.turnStart(prompt(threadId, "second"));
        List<ServerNotification> observed = untilTurnCompleted(other);
        assertThat(observed.getFirst()).isInstanceOf(ServerNotification.TurnStarted.class);
        assertThat(client.next(java.time.Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void optedOutNotificationMethodsAreNotSent() throws Exception {
        h.mock.enqueue(MockResponse.sse().message("Hello there.", 2).build());
        AppServerClient client = h.connect();
        client.initialize(new dev.jcodex.appserver.protocol.InitializeParams(
                dev.jcodex.appserver.protocol.ClientInfo.of("codex_exec", "0.1.0"),
                new dev.jcodex.appserver.protocol.InitializeCapabilities(null,
                        List.of(Methods.ITEM_AGENT_MESSAGE_DELTA, Methods.THREAD_STARTED))));
        String threadId = h.startThread().thread().id();
        client.turnStart(prompt(threadId, "hi"));
        List<ServerNotification> seen = untilTurnCompleted(client);
        assertThat(methods(seen)).doesNotContain(Methods.ITEM_AGENT_MESSAGE_DELTA, Methods.THREAD_STARTED)
                .contains(Methods.ITEM_COMPLETED);
    }

    static List<ServerNotification.Error> errors(List<ServerNotification> seen) {
        return seen.stream().filter(ServerNotification.Error.class::isInstance)
                .map(ServerNotification.Error.class::cast).toList();
    }

    static ServerEvent.Request nextRequest(AppServerClient client) throws InterruptedException {
        while (true) {
            ServerEvent event = client.next(ServerHarness.WAIT).orElseThrow(() -> new AssertionError("no request"));
            if (event instanceof ServerEvent.Request r) {
                return r;
            }
        }
    }
}
