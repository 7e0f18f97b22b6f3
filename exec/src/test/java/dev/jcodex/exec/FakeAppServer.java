package dev.jcodex.exec;

import dev.jcodex.appserver.client.InMemoryTransport;
import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.InitializeResponse;
import dev.jcodex.appserver.protocol.JsonRpcError;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.RequestId;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadListParams;
import dev.jcodex.appserver.protocol.ThreadListResponse;
import dev.jcodex.appserver.protocol.ThreadReadResponse;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.appserver.protocol.ThreadResumeResponse;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeResponse;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnInterruptResponse;
import dev.jcodex.appserver.protocol.TurnStartResponse;
import dev.jcodex.appserver.protocol.TurnStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A scripted app-server on a virtual thread: answers the requests exec sends and, after {@code turn/start},
 * plays the scenario's notifications and server requests. Records every message it receives.
 */
final class FakeAppServer {
    /** One scripted thing the server sends after {@code turn/start}. */
    sealed interface Step {
        record Notify(ServerNotification notification) implements Step {}

        record Ask(ServerRequest request) implements Step {}

        /** Stop playing until exec sends {@code turn/interrupt}; then complete the turn as interrupted. */
        record AwaitInterrupt() implements Step {}

        /** Close the connection (the server "crashes"). */
        record Hangup() implements Step {}
    }

    private final InMemoryTransport end;
    private final ThreadStartResponse started;
    private final List<Step> steps;
    private final List<JsonRpcMessage> received = Collections.synchronizedList(new ArrayList<>());
    private final List<ThreadItem> completedItems = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, JsonRpcError> failing = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Function<ThreadListParams, ThreadListResponse> threadList = p -> new ThreadListResponse(List.of(), null, null);
    private volatile boolean awaitingInterrupt;

    FakeAppServer(InMemoryTransport end, ThreadStartResponse started, List<Step> steps) {
        this.end = end;
        this.started = started;
        this.steps = steps;
    }

    /** Answers {@code method} requests with this error instead. */
    FakeAppServer failing(String method, JsonRpcError error) {
        failing.put(method, error);
        return this;
    }

    /** Answers {@code thread/list} with this function. */
    FakeAppServer threadList(Function<ThreadListParams, ThreadListResponse> answer) {
        threadList = answer;
        return this;
    }

    FakeAppServer start() {
        Thread.ofVirtual().name("fake-app-server").start(() -> {
            try {
                JsonRpcMessage m;
                while ((m = end.receive()) != null) {
                    received.add(m);
                    if (m instanceof JsonRpcMessage.Request r && !handle(r)) {
                        break;
                    }
                }
                done.complete(null);
            } catch (Exception | AssertionError e) {
                done.completeExceptionally(e);
            }
        });
        return this;
    }

    List<JsonRpcMessage> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<JsonRpcMessage.Request> requests() {
        return received().stream().filter(JsonRpcMessage.Request.class::isInstance)
                .map(JsonRpcMessage.Request.class::cast).toList();
    }

    JsonRpcMessage.Request request(String method) {
        return requests().stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " request in " + requests()));
    }

    /** Answers (results or errors) exec sent to the scripted server requests, by request id. */
    JsonRpcMessage answerTo(RequestId id) {
        return received().stream().filter(m -> switch (m) {
            case JsonRpcMessage.Response r -> r.id().equals(id);
            case JsonRpcMessage.Error e -> id.equals(e.id());
            default -> false;
        }).findFirst().orElseThrow(() -> new AssertionError("no answer to " + id + " in " + received()));
    }

    private String threadId() {
        return started.thread().id();
    }

    /** Handles one request; false to stop serving. */
    private boolean handle(JsonRpcMessage.Request r) throws Exception {
        JsonRpcError error = failing.get(r.method());
        if (error != null) {
            end.send(new JsonRpcMessage.Error(r.id(), error));
            return true;
        }
        switch (r.method()) {
            case Methods.INITIALIZE -> reply(r, new InitializeResponse("codex_exec/0.1.0", "/codex-home", "unix", "linux"));
            case Methods.THREAD_START -> reply(r, started);
            case Methods.THREAD_RESUME -> {
                ThreadResumeParams p = r.paramsAs(ThreadResumeParams.class);
                AppServerThread t = started.thread();
                AppServerThread resumed = new AppServerThread(p.threadId(), null, t.preview(), false, t.modelProvider(),
                        t.createdAt(), t.updatedAt(), t.status(), t.path(), t.cwd(), t.cliVersion(), t.source(), null,
                        null, null, t.name(), List.of());
                reply(r, new ThreadResumeResponse(resumed, started.model(), started.modelProvider(), null,
                        started.cwd(), List.of(), started.approvalPolicy(), null, started.sandbox(), null));
            }
            case Methods.THREAD_LIST -> reply(r, threadList.apply(r.paramsAs(ThreadListParams.class)));
            case Methods.TURN_START -> {
                reply(r, new TurnStartResponse(Turn.of(Fixtures.TURN, List.of(), TurnStatus.IN_PROGRESS)));
                return play();
            }
            case Methods.TURN_INTERRUPT -> {
                reply(r, new TurnInterruptResponse());
                if (awaitingInterrupt) {
                    awaitingInterrupt = false;
                    end.send(new ServerNotification.TurnCompleted(threadId(),
                            Turn.of(Fixtures.TURN, List.of(), TurnStatus.INTERRUPTED)).toMessage());
                }
            }
            case Methods.THREAD_READ -> {
                AppServerThread t = started.thread();
                Turn turn = Turn.of(Fixtures.TURN, List.copyOf(completedItems), TurnStatus.COMPLETED);
                reply(r, new ThreadReadResponse(new AppServerThread(threadId(), null, t.preview(), false,
                        t.modelProvider(), t.createdAt(), t.updatedAt(), t.status(), t.path(), t.cwd(), t.cliVersion(),
                        t.source(), null, null, null, null, List.of(turn))));
            }
            case Methods.THREAD_UNSUBSCRIBE -> reply(r, new ThreadUnsubscribeResponse(ThreadUnsubscribeResponse.Status.UNSUBSCRIBED));
            default -> end.send(JsonRpcMessage.error(r.id(), -32601, "method not found: " + r.method()));
        }
        return true;
    }

    private boolean play() throws Exception {
        for (Step step : steps) {
            switch (step) {
                case Step.Notify n -> {
                    if (n.notification() instanceof ServerNotification.ItemCompleted c) {
                        completedItems.add(c.item());
                    }
                    end.send(n.notification().toMessage());
                }
                case Step.Ask a -> end.send(a.request().toMessage());
                case Step.AwaitInterrupt a -> awaitingInterrupt = true;
                case Step.Hangup h -> {
                    end.close();
                    return false;
                }
            }
        }
        return true;
    }

    private void reply(JsonRpcMessage.Request r, Object result) throws Exception {
        end.send(JsonRpcMessage.response(r.id(), result));
    }

    /** Ends the connection and waits for the serving thread, rethrowing its failure. */
    void stop() throws Exception {
        end.close();
        done.get();
    }
}
