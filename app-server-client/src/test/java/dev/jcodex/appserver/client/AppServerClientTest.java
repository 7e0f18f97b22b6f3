package dev.jcodex.appserver.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.appserver.protocol.ClientInfo;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalParams;
import dev.jcodex.appserver.protocol.InitializeParams;
import dev.jcodex.appserver.protocol.InitializeResponse;
import dev.jcodex.appserver.protocol.JsonRpcError;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.RequestId;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnInterruptResponse;
import dev.jcodex.protocol.ProtocolJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AppServerClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final InMemoryTransport.Pair pair = InMemoryTransport.pair();
    private final InMemoryTransport server = pair.server();
    private final AppServerClient client = AppServerClient.start(pair.client());

    @AfterEach
    void close() {
        client.close();
    }

    /** Runs {@code script} as a fake server on a virtual thread. */
    private static Future<?> serve(ThrowingRunnable script) {
        return CompletableFuture.runAsync(() -> {
            try {
                script.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private JsonRpcMessage.Request expectRequest() throws Exception {
        return (JsonRpcMessage.Request) server.receive();
    }

    @Test
    void requestsGetTheirTypedResultAndIncreasingIds() throws Exception {
        List<JsonRpcMessage.Request> seen = new ArrayList<>();
        Future<?> fake = serve(() -> {
            for (int i = 0; i < 2; i++) {
                JsonRpcMessage.Request r = expectRequest();
                seen.add(r);
                server.send(JsonRpcMessage.response(r.id(), new TurnInterruptResponse()));
            }
        });
        assertThat(client.turnInterrupt(new TurnInterruptParams("thr", "turn"))).isEqualTo(new TurnInterruptResponse());
        assertThat(client.request(Methods.TURN_INTERRUPT, new TurnInterruptParams("thr", "t2"), JsonNode.class))
                .isEqualTo(ProtocolJson.tree("{}"));
        fake.get();
        assertThat(seen).extracting(JsonRpcMessage.Request::id).containsExactly(RequestId.of(1), RequestId.of(2));
        assertThat(seen.getFirst().paramsAs(TurnInterruptParams.class)).isEqualTo(new TurnInterruptParams("thr", "turn"));
    }

    @Test
    void jsonRpcErrorsBecomeRequestExceptions() throws Exception {
        serve(() -> {
            JsonRpcMessage.Request r = expectRequest();
            server.send(new JsonRpcMessage.Error(r.id(), new JsonRpcError(ErrorCodes.INVALID_REQUEST,
                    "Not initialized", ProtocolJson.tree("{\"x\":1}"))));
        });
        assertThatThrownBy(() -> client.threadRead(new ThreadReadParams("thr", true)))
                .isInstanceOfSatisfying(AppServerRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(-32600);
                    assertThat(e.getMessage()).isEqualTo("Not initialized");
                    assertThat(e.method()).isEqualTo("thread/read");
                    assertThat(e.data()).isEqualTo(ProtocolJson.tree("{\"x\":1}"));
                });
    }

    @Test
    void initializeSendsInitializeThenInitialized() throws Exception {
        InitializeResponse answer = new InitializeResponse("ua", "/home/.codex", "unix", "linux");
        Future<?> fake = serve(() -> {
            JsonRpcMessage.Request init = expectRequest();
            assertThat(init.method()).isEqualTo("initialize");
            assertThat(init.paramsAs(InitializeParams.class).clientInfo()).isEqualTo(ClientInfo.of("codex_exec", "0.1.0"));
            server.send(JsonRpcMessage.response(init.id(), answer));
            assertThat(server.receive()).isEqualTo(new JsonRpcMessage.Notification("initialized", (JsonNode) null));
        });
        assertThat(client.initialize(ClientInfo.of("codex_exec", "0.1.0"))).isEqualTo(answer);
        fake.get();
    }

    @Test
    void notificationsAndServerRequestsArriveInOrderAndCanBeAnswered() throws Exception {
        FileChangeRequestApprovalParams params = new FileChangeRequestApprovalParams("thr", "turn", "f1", null, null);
        server.send(new ServerNotification.TurnDiffUpdated("thr", "turn", "d").toMessage());
        server.send(new ServerRequest.FileChangeRequestApproval(RequestId.of("s1"), params).toMessage());
        server.send(new JsonRpcMessage.Notification("thread/closed", ProtocolJson.tree("{\"threadId\":\"thr\"}")));

        assertThat(client.next()).isEqualTo(new ServerEvent.Notification(new ServerNotification.TurnDiffUpdated("thr", "turn", "d")));
        ServerEvent second = client.next(WAIT).orElseThrow();
        assertThat(second).isEqualTo(new ServerEvent.Request(new ServerRequest.FileChangeRequestApproval(RequestId.of("s1"), params)));
        assertThat(client.next()).isEqualTo(new ServerEvent.Notification(
                new ServerNotification.Unknown("thread/closed", ProtocolJson.tree("{\"threadId\":\"thr\"}"))));

        client.respond(RequestId.of("s1"), ProtocolJson.tree("{\"decision\":\"decline\"}"));
        client.respondError(RequestId.of(7), ErrorCodes.REQUEST_REJECTED, "no");
        assertThat(server.receive()).isEqualTo(new JsonRpcMessage.Response(RequestId.of("s1"),
                ProtocolJson.tree("{\"decision\":\"decline\"}")));
        assertThat(server.receive()).isEqualTo(JsonRpcMessage.error(RequestId.of(7), -32000, "no"));
    }

    @Test
    void nextTimesOutWithEmpty() throws Exception {
        assertThat(client.next(Duration.ZERO)).isEmpty();
    }

    @Test
    void concurrentRequestsAnsweredOutOfOrderEachGetTheirOwnResult() throws Exception {
        Future<?> fake = serve(() -> {
            List<JsonRpcMessage.Request> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(expectRequest());
            }
            for (JsonRpcMessage.Request r : requests.reversed()) {
                server.send(JsonRpcMessage.response(r.id(), r.params()));
            }
        });
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                answers.add(pool.submit(() -> client.request("echo", ProtocolJson.tree("{\"n\":" + n + "}"), JsonNode.class)));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(answers.get(i).get().get("n").asInt()).isEqualTo(i);
            }
        }
        fake.get();
    }

    @Test
    void aResponseQueuedBehindAFullEventQueueStillArrives() throws Exception {
        InMemoryTransport.Pair small = InMemoryTransport.pair(1);
        try (AppServerClient tight = AppServerClient.start(small.client(), 1)) {
            Future<?> fake = serve(() -> {
                JsonRpcMessage.Request r = (JsonRpcMessage.Request) small.server().receive();
                for (int i = 0; i < 5; i++) {
                    small.server().send(new ServerNotification.TurnDiffUpdated("thr", "turn", "d" + i).toMessage());
                }
                small.server().send(JsonRpcMessage.response(r.id(), new TurnInterruptResponse()));
            });
            assertThat(tight.turnInterrupt(new TurnInterruptParams("thr", "turn"))).isEqualTo(new TurnInterruptResponse());
            fake.get();
            for (int i = 0; i < 5; i++) {
                assertThat(tight.next()).isEqualTo(new ServerEvent.Notification(
                        new ServerNotification.TurnDiffUpdated("thr", "turn", "d" + i)));
            }
        }
    }

    @Test
    void theReaderStopsReadingWhileTheConsumerLags() throws Exception {
        CountingTransport counting = new CountingTransport(InMemoryTransport.pair());
        try (AppServerClient lagging = AppServerClient.start(counting, 2)) {
            for (int i = 0; i < 6; i++) {
                counting.server().send(new ServerNotification.TurnDiffUpdated("thr", "turn", "d" + i).toMessage());
            }
            counting.awaitReceived(3);
            Thread.sleep(100);
            assertThat(counting.received()).as("2 queued + 1 held by the blocked reader").isEqualTo(3);
            assertThat(lagging.next()).isEqualTo(new ServerEvent.Notification(
                    new ServerNotification.TurnDiffUpdated("thr", "turn", "d0")));
            counting.awaitReceived(4);
        }
    }

    @Test
    void theEndOfTheStreamFailsWaitersAndEndsEventsAfterTheQueuedOnes() throws Exception {
        Future<?> fake = serve(() -> {
            expectRequest();
            server.send(new ServerNotification.TurnDiffUpdated("thr", "turn", "last").toMessage());
            server.close();
        });
        assertThatThrownBy(() -> client.turnInterrupt(new TurnInterruptParams("thr", "turn")))
                .isInstanceOf(AppServerClosedException.class);
        fake.get();
        assertThat(client.next()).isInstanceOf(ServerEvent.Notification.class);
        assertThatThrownBy(client::next).isInstanceOf(AppServerClosedException.class);
        assertThatThrownBy(() -> client.next(WAIT)).isInstanceOf(AppServerClosedException.class);
        assertThat(client.isClosed()).isTrue();
        assertThatThrownBy(() -> client.notify("x", null)).isInstanceOf(AppServerClosedException.class);
    }

    @Test
    void closingTheClientEndsTheServersStream() throws Exception {
        client.close();
        assertThat(server.receive()).isNull();
        assertThatThrownBy(() -> client.turnInterrupt(new TurnInterruptParams("t", "u")))
                .isInstanceOf(AppServerClosedException.class);
    }

    @Test
    void malformedServerRequestsAreAnsweredWithInvalidParams() throws Exception {
        server.send(new JsonRpcMessage.Request(RequestId.of(3), Methods.FILE_CHANGE_REQUEST_APPROVAL,
                ProtocolJson.tree("{\"threadId\":[]}")));
        JsonRpcMessage answer = server.receive();
        assertThat(answer).isInstanceOfSatisfying(JsonRpcMessage.Error.class, e -> {
            assertThat(e.id()).isEqualTo(RequestId.of(3));
            assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        });
        assertThat(client.next(Duration.ZERO)).isEmpty();
    }

    @Test
    void malformedNotificationsArePassedOnRaw() throws Exception {
        JsonNode bad = ProtocolJson.tree("{\"threadId\":\"t\",\"turn\":7}");
        server.send(new JsonRpcMessage.Notification(Methods.TURN_COMPLETED, bad));
        assertThat(client.next()).isEqualTo(new ServerEvent.Notification(
                new ServerNotification.Unknown(Methods.TURN_COMPLETED, bad)));
    }

    @Test
    void anInterruptedCallerGetsAnExceptionAndKeepsItsInterruptFlag() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                client.turnInterrupt(new TurnInterruptParams("t", "u"));
                outcome.complete(null);
            } catch (AppServerClientException e) {
                outcome.complete(Thread.currentThread().isInterrupted() ? e : new AssertionError("flag lost"));
            }
        });
        expectRequest();
        caller.interrupt();
        assertThat(outcome.get()).isInstanceOf(AppServerClientException.class)
                .hasMessageContaining("interrupted while waiting for the turn/interrupt response");
    }
}
