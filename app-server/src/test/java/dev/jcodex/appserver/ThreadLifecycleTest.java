package dev.jcodex.appserver;

import static dev.jcodex.appserver.ServerHarness.prompt;
import static dev.jcodex.appserver.ServerHarness.untilTurnCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.AppServerRequestException;
import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.SortDirection;
import dev.jcodex.appserver.protocol.ThreadArchiveParams;
import dev.jcodex.appserver.protocol.ThreadArchiveResponse;
import dev.jcodex.appserver.protocol.ThreadForkParams;
import dev.jcodex.appserver.protocol.ThreadForkResponse;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadListParams;
import dev.jcodex.appserver.protocol.ThreadListResponse;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.appserver.protocol.ThreadResumeResponse;
import dev.jcodex.appserver.protocol.ThreadSortKey;
import dev.jcodex.appserver.protocol.ThreadSourceKind;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadStatus;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeParams;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeResponse;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** thread/list, read, resume, fork, archive and unsubscribe against stored and loaded threads. */
class ThreadLifecycleTest {
    static final ThreadListParams ALL_SOURCES = new ThreadListParams(null, null, ThreadSortKey.UPDATED_AT, null, null,
            ThreadSourceKind.all(), null, null, null, null);

    ServerHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new ServerHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Starts a thread, runs one turn with {@code text}, returns the thread id. */
    private String threadWithOneTurn(String text, String reply) throws InterruptedException {
        h.mock.enqueue(MockResponse.reply(reply));
        String threadId = h.startThread().thread().id();
        h.client.turnStart(prompt(threadId, text));
        untilTurnCompleted(h.client);
        return threadId;
    }

    @Test
    void listShowsStoredThreadsAfterARestartWithPreviewAndFilters() throws Exception {
        h.connectInitialized();
        String first = threadWithOneTurn("First prompt.", "one");
        String second = threadWithOneTurn("Second prompt.", "two");
        h.connectInitialized();

        ThreadListResponse all = h.client.threadList(ALL_SOURCES);
        assertThat(all.data()).extracting(AppServerThread::id).containsExactly(second, first);
        AppServerThread t = all.data().getLast();
        assertThat(t.preview()).isEqualTo("First prompt.");
        assertThat(t.status()).isEqualTo(new ThreadStatus.NotLoaded());
        assertThat(t.source()).isEqualTo(JsonNodeFactory.instance.stringNode("exec"));
        assertThat(t.modelProvider()).isEqualTo("mock");
        assertThat(t.cwd()).isEqualTo(h.workdir.toString());
        assertThat(Path.of(t.path())).isRegularFile();
        assertThat(all.nextCursor()).isNull();

        ThreadListParams defaults = new ThreadListParams(null, null, null, null, null, null, null, null, null, null);
        assertThat(h.client.threadList(defaults).data()).as("only interactive sources by default").isEmpty();
        assertThat(h.client.threadList(new ThreadListParams(null, null, null, null, List.of("other"),
                ThreadSourceKind.all(), null, null, null, null)).data()).isEmpty();
        assertThat(h.client.threadList(new ThreadListParams(null, null, null, null, null, ThreadSourceKind.all(),
                null, JsonNodeFactory.instance.arrayNode().add("/elsewhere").add(h.workdir.toString()), null,
                "second")).data()).extracting(AppServerThread::id).containsExactly(second);
    }

    @Test
    void listPagesWithCursorsInBothDirections() throws Exception {
        h.connectInitialized();
        String first = threadWithOneTurn("a", "1");
        String second = threadWithOneTurn("b", "2");
        String third = threadWithOneTurn("c", "3");
        h.connectInitialized();

        ThreadListParams page1 = new ThreadListParams(null, 2, ThreadSortKey.CREATED_AT, null, null,
                ThreadSourceKind.all(), null, null, null, null);
        ThreadListResponse r1 = h.client.threadList(page1);
        assertThat(r1.data()).extracting(AppServerThread::id).containsExactly(third, second);
        ThreadListResponse r2 = h.client.threadList(new ThreadListParams(r1.nextCursor(), 2, ThreadSortKey.CREATED_AT,
                null, null, ThreadSourceKind.all(), null, null, null, null));
        assertThat(r2.data()).extracting(AppServerThread::id).containsExactly(first);
        assertThat(r2.nextCursor()).isNull();
        ThreadListResponse back = h.client.threadList(new ThreadListParams(r2.backwardsCursor(), 5,
                ThreadSortKey.CREATED_AT, SortDirection.ASC, null, ThreadSourceKind.all(), null, null, null, null));
        assertThat(back.data()).extracting(AppServerThread::id).containsExactly(second, third);

        assertThatThrownBy(() -> h.client.threadList(new ThreadListParams("not a cursor", null, null, null, null,
                null, null, null, null, null))).isInstanceOfSatisfying(AppServerRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_PARAMS));
    }

    @Test
    void listShowsLoadedThreadsAsTheyAreNow() throws Exception {
        h.connectInitialized();
        String id = threadWithOneTurn("Live prompt.", "ok");
        AppServerThread listed = awaitListed(id);
        assertThat(listed.status()).isEqualTo(new ThreadStatus.Idle());
        assertThat(listed.preview()).isEqualTo("Live prompt.");
    }

    @Test
    void resumeSendsTheEarlierHistoryAndReturnsTheStoredTurns() throws Exception {
        h.connectInitialized();
        String threadId = threadWithOneTurn("Remember the word apple.", "Noted.");
        h.connectInitialized();

        ThreadResumeResponse resumed = h.client.threadResume(ThreadResumeParams.of(threadId, null, null,
                h.workdir.toString(), null));
        assertThat(resumed.thread().id()).isEqualTo(threadId);
        assertThat(resumed.model()).isEqualTo("gpt-5.5");
        assertThat(resumed.thread().preview()).isEqualTo("Remember the word apple.");
        Turn stored = resumed.thread().turns().getFirst();
        assertThat(stored.status()).isEqualTo(TurnStatus.COMPLETED);
        assertThat(stored.items()).hasSize(2);
        assertThat(stored.items().getFirst()).isInstanceOfSatisfying(ThreadItem.UserMessage.class,
                u -> assertThat(u.content()).containsExactly(UserInput.Text.of("Remember the word apple.")));
        assertThat(stored.items().getLast()).isInstanceOfSatisfying(ThreadItem.AgentMessage.class,
                a -> assertThat(a.text()).isEqualTo("Noted."));

        h.mock.enqueue(MockResponse.reply("apple"));
        String turnId = h.client.turnStart(prompt(threadId, "Which word?")).turn().id();
        untilTurnCompleted(h.client);
        List<String> texts = inputTexts(h.mock.modelRequests().getLast().bodyJson());
        assertThat(texts).containsSubsequence("Remember the word apple.", "Noted.", "Which word?");

        List<Turn> turns = h.client.threadRead(new ThreadReadParams(threadId, true)).thread().turns();
        assertThat(turns).extracting(Turn::id).containsExactly(stored.id(), turnId);
    }

    @Test
    void resumeOfUnknownThreadIsAnError() {
        h.connectInitialized();
        assertThatThrownBy(() -> h.client.threadResume(ThreadResumeParams.of("01a1ff18-0000-7000-8000-000000000000",
                null, null, null, null))).isInstanceOfSatisfying(AppServerRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("no rollout found for thread id");
                });
    }

    @Test
    void forkCopiesTheHistoryIntoANewThread() throws Exception {
        h.connectInitialized();
        String source = threadWithOneTurn("Original prompt.", "Original reply.");

        ThreadForkResponse forked = h.client.request(Methods.THREAD_FORK, new ThreadForkParams(source, null, null,
                null, null, null, null, null, null, null, null, null, null, null), ThreadForkResponse.class);
        String forkId = forked.thread().id();
        assertThat(forkId).isNotEqualTo(source);
        assertThat(forked.thread().forkedFromId()).isEqualTo(source);
        assertThat(forked.thread().turns()).hasSize(1);
        ServerNotification started = ServerHarness.until(h.client,
                n -> n instanceof ServerNotification.ThreadStarted).getLast();
        assertThat(((ServerNotification.ThreadStarted) started).thread().id()).isEqualTo(forkId);

        h.mock.enqueue(MockResponse.reply("forked"));
        h.client.turnStart(prompt(forkId, "Continue the fork."));
        untilTurnCompleted(h.client);
        assertThat(inputTexts(h.mock.modelRequests().getLast().bodyJson())).containsSubsequence("Original prompt.",
                "Original reply.", "Continue the fork.");
    }

    @Test
    void archiveUnloadsAndMovesTheRollout() throws Exception {
        h.connectInitialized();
        String threadId = threadWithOneTurn("Archive me.", "ok");
        Path rollout = Path.of(h.client.threadRead(new ThreadReadParams(threadId, false)).thread().path());

        assertThat(h.client.request(Methods.THREAD_ARCHIVE, new ThreadArchiveParams(threadId),
                ThreadArchiveResponse.class)).isEqualTo(new ThreadArchiveResponse());
        List<ServerNotification> after = ServerHarness.until(h.client,
                n -> n.method().equals(Methods.THREAD_ARCHIVED));
        assertThat(after).extracting(ServerNotification::method).contains(Methods.THREAD_CLOSED);
        assertThat(rollout).doesNotExist();
        assertThat(Files.list(h.home.path().resolve("archived_sessions")).toList()).hasSize(1);
        assertThat(h.client.threadList(ALL_SOURCES).data()).isEmpty();
        ThreadListResponse archived = h.client.threadList(new ThreadListParams(null, null, null, null, null,
                ThreadSourceKind.all(), true, null, null, null));
        assertThat(archived.data()).extracting(AppServerThread::id).containsExactly(threadId);
        assertThat(h.client.threadUnsubscribe(new ThreadUnsubscribeParams(threadId)).status())
                .isEqualTo(ThreadUnsubscribeResponse.Status.NOT_LOADED);
    }

    @Test
    void unsubscribeReportsWhatItDid() throws Exception {
        h.connectInitialized();
        String threadId = h.startThread().thread().id();
        assertThat(h.client.threadUnsubscribe(new ThreadUnsubscribeParams(threadId)).status())
                .isEqualTo(ThreadUnsubscribeResponse.Status.UNSUBSCRIBED);
        assertThat(h.client.threadUnsubscribe(new ThreadUnsubscribeParams(threadId)).status())
                .isEqualTo(ThreadUnsubscribeResponse.Status.NOT_SUBSCRIBED);
        assertThat(h.client.threadUnsubscribe(new ThreadUnsubscribeParams("01a1ff18-0000-7000-8000-000000000000"))
                .status()).isEqualTo(ThreadUnsubscribeResponse.Status.NOT_LOADED);
    }

    @Test
    void ephemeralThreadsAreNotStored() throws Exception {
        h.connectInitialized();
        h.mock.enqueue(MockResponse.reply("ok"));
        AppServerThread t = h.client.threadStart(ThreadStartParams.builder().cwd(h.workdir.toString())
                .approvalPolicy(AskForApproval.NEVER).ephemeral(true).build()).thread();
        assertThat(t.ephemeral()).isTrue();
        assertThat(t.path()).isNull();
        h.client.turnStart(prompt(t.id(), "hi"));
        untilTurnCompleted(h.client);
        assertThat(h.client.threadRead(new ThreadReadParams(t.id(), true)).thread().turns()).hasSize(1);
        assertThat(h.home.path().resolve("sessions")).doesNotExist();
    }

    @Test
    void readOfAStoredThreadRebuildsItsTurnsFromTheRollout() throws Exception {
        h.connectInitialized();
        String threadId = threadWithOneTurn("Stored prompt.", "Stored reply.");
        h.connectInitialized();

        AppServerThread bare = h.client.threadRead(new ThreadReadParams(threadId, false)).thread();
        assertThat(bare.status()).isEqualTo(new ThreadStatus.NotLoaded());
        assertThat(bare.turns()).isEmpty();
        AppServerThread full = h.client.threadRead(new ThreadReadParams(threadId, true)).thread();
        assertThat(full.turns()).singleElement().satisfies(turn -> {
            assertThat(turn.status()).isEqualTo(TurnStatus.COMPLETED);
            assertThat(turn.items()).extracting(ThreadItem::type).containsExactly("userMessage", "agentMessage");
            assertThat(turn.completedAt()).isGreaterThanOrEqualTo(turn.startedAt());
        });
    }

    /** The thread as listed once the index has caught up with it (index updates are asynchronous). */
    private AppServerThread awaitListed(String id) throws InterruptedException {
        long deadline = System.nanoTime() + ServerHarness.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (AppServerThread t : h.client.threadList(ALL_SOURCES).data()) {
                if (t.id().equals(id)) {
                    return t;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("thread " + id + " never appeared in thread/list");
    }

    static List<String> inputTexts(JsonNode body) {
        return StreamSupport.stream(body.path("input").spliterator(), false)
                .map(i -> i.path("content").path(0).path("text").asString("")).toList();
    }
}
