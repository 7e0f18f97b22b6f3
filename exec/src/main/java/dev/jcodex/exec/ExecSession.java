package dev.jcodex.exec;

import dev.jcodex.common.StartupTrace;
import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.AppServerClientException;
import dev.jcodex.appserver.client.AppServerClosedException;
import dev.jcodex.appserver.client.ServerEvent;
import dev.jcodex.appserver.protocol.ClientInfo;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadOpenResponse;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeParams;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.protocol.AskForApproval;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** One exec run after the prompt is known: thread, turn, event loop, shutdown. */
final class ExecSession {
    private static final System.Logger LOG = System.getLogger(ExecSession.class.getName());
    static final String CLIENT_NAME = "codex_exec";

    private final ExecOptions options;
    private final AppServerClient client;
    private final EventProcessor processor;
    private final InterruptHook interruptHook;
    private final PrintStream err;
    private final AtomicInteger pendingInterrupts = new AtomicInteger();
    private volatile String threadId;
    private volatile String turnId;
    private boolean errorSeen;

    ExecSession(ExecOptions options, AppServerClient client, EventProcessor processor, InterruptHook interruptHook,
            PrintStream err) {
        this.options = options;
        this.client = client;
        this.processor = processor;
        this.interruptHook = interruptHook;
        this.err = err;
    }

    int run(String prompt) {
        StartupTrace.mark("exec: initialize");
        call("initialize", () -> client.initialize(new ClientInfo(CLIENT_NAME, null, options.version())));
        StartupTrace.mark("exec: thread/start");
        ThreadOpenResponse opened = openThread();
        threadId = opened.thread().id();
        processor.printConfigSummary(SessionHeader.of(options, opened), prompt);
        InterruptHook.Registration interrupts = interruptHook.install(this::onInterrupt);
        try {
            StartupTrace.mark("exec: turn/start");
            Turn turn = call("turn/start", () -> client.turnStart(turnStartParams(prompt))).turn();
            StartupTrace.mark("exec: turn started");
            turnId = turn.id();
            sendPendingInterrupts();
            boolean completed = eventLoop();
            processor.printFinalOutput();
            if (!completed) {
                err.print("ERROR: the app-server closed the connection before the turn completed\n");
                err.flush();
                return 1;
            }
            return errorSeen ? 1 : 0;
        } finally {
            interrupts.close();
        }
    }

    private ThreadOpenResponse openThread() {
        if (!(options.resume() instanceof ResumeTarget.None)) {
            var resumeId = call("thread/list", () -> ResumeResolver.resolve(client, options));
            if (resumeId.isPresent()) {
                ThreadResumeParams of = ThreadResumeParams.of(resumeId.get(), options.model(),
                        options.modelProvider(), cwd(), options.sandbox());
                // exec never shows earlier turns: without excludeTurns the server parses the whole rollout a
                // second time to build them (seconds for a 100k-line thread).
                ThreadResumeParams params = new ThreadResumeParams(of.threadId(), of.history(), of.path(),
                        of.model(), of.modelProvider(), of.serviceTier(), of.cwd(), of.approvalPolicy(),
                        of.approvalsReviewer(), of.sandbox(), of.config(), of.baseInstructions(),
                        of.developerInstructions(), of.personality(), Boolean.TRUE);
                return call("thread/resume", () -> client.threadResume(params));
            }
        }
        ThreadStartParams params = ThreadStartParams.builder()
                .model(options.model())
                .modelProvider(options.modelProvider())
                .cwd(cwd())
                .approvalPolicy(AskForApproval.NEVER)
                .sandbox(options.sandbox())
                .ephemeral(options.ephemeral())
                .build();
        return call("thread/start", () -> client.threadStart(params));
    }

    private TurnStartParams turnStartParams(String prompt) {
        List<UserInput> input = new ArrayList<>();
        for (Path image : options.images()) {
            input.add(new UserInput.LocalImage(image.toString()));
        }
        input.add(new UserInput.Text(prompt, List.of()));
        return TurnStartParams.builder(threadId, input)
                .cwd(cwd())
                .approvalPolicy(AskForApproval.NEVER)
                .effort(options.effort())
                .outputSchema(options.outputSchema())
                .build();
    }

    /** Consumes events until the primary turn completes (true) or the connection ends (false). */
    private boolean eventLoop() {
        while (true) {
            ServerEvent event;
            try {
                event = client.next();
            } catch (AppServerClosedException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            switch (event) {
                case ServerEvent.Request r -> {
                    if (!ServerRequestHandler.handle(client, r.request())) {
                        errorSeen = true;
                    }
                }
                case ServerEvent.Notification n -> {
                    ServerNotification notification = n.notification();
                    noteFailure(notification);
                    notification = backfillTurnItems(notification);
                    if (isForThisTurn(notification)
                            && processor.process(notification) == EventProcessor.Status.SHUTDOWN) {
                        unsubscribe();
                        return true;
                    }
                }
            }
        }
    }

    private void noteFailure(ServerNotification notification) {
        switch (notification) {
            case ServerNotification.Error e when isPrimary(e.threadId(), e.turnId()) && !e.willRetry() -> errorSeen = true;
            case ServerNotification.TurnCompleted c when isPrimary(c.threadId(), c.turn().id())
                    && (c.turn().status() == TurnStatus.FAILED || c.turn().status() == TurnStatus.INTERRUPTED) ->
                    errorSeen = true;
            default -> { }
        }
    }

    /**
     * {@code turn/completed} may carry no items; unless the thread is ephemeral, read them back with
     * {@code thread/read} so the final message and unfinished items can be recovered.
     */
    private ServerNotification backfillTurnItems(ServerNotification notification) {
        if (!(notification instanceof ServerNotification.TurnCompleted c) || options.ephemeral()
                || !c.turn().items().isEmpty() || !isPrimary(c.threadId(), c.turn().id())) {
            return notification;
        }
        try {
            var thread = client.threadRead(new ThreadReadParams(c.threadId(), true)).thread();
            for (Turn t : thread.turns()) {
                if (t.id().equals(c.turn().id())) {
                    Turn filled = new Turn(c.turn().id(), t.items(), c.turn().status(), c.turn().error(),
                            c.turn().startedAt(), c.turn().completedAt(), c.turn().durationMs());
                    return new ServerNotification.TurnCompleted(c.threadId(), filled);
                }
            }
        } catch (AppServerClientException e) {
            LOG.log(Level.WARNING, "thread/read failed while backfilling turn items: {0}", e.getMessage());
        }
        return notification;
    }

    private boolean isForThisTurn(ServerNotification notification) {
        return switch (notification) {
            case ServerNotification.ConfigWarning w -> true;
            case ServerNotification.DeprecationNotice d -> true;
            case ServerNotification.Warning w -> w.threadId() == null || w.threadId().equals(threadId);
            case ServerNotification.Error e -> isPrimary(e.threadId(), e.turnId());
            case ServerNotification.ItemStarted s -> isPrimary(s.threadId(), s.turnId());
            case ServerNotification.ItemCompleted c -> isPrimary(c.threadId(), c.turnId());
            case ServerNotification.ModelRerouted r -> isPrimary(r.threadId(), r.turnId());
            case ServerNotification.ThreadTokenUsageUpdated u -> isPrimary(u.threadId(), u.turnId());
            case ServerNotification.TurnDiffUpdated d -> isPrimary(d.threadId(), d.turnId());
            case ServerNotification.TurnPlanUpdated p -> isPrimary(p.threadId(), p.turnId());
            case ServerNotification.TurnStarted t -> isPrimary(t.threadId(), t.turn().id());
            case ServerNotification.TurnCompleted c -> isPrimary(c.threadId(), c.turn().id());
            case ServerNotification.ThreadStarted t -> false;
            case ServerNotification.AgentMessageDelta d -> false;
            case ServerNotification.ReasoningSummaryTextDelta d -> false;
            case ServerNotification.ReasoningTextDelta d -> false;
            case ServerNotification.CommandExecutionOutputDelta d -> false;
            case ServerNotification.ServerRequestResolved r -> false;
            case ServerNotification.Unknown u -> false;
        };
    }

    private boolean isPrimary(String thread, String turn) {
        return threadId.equals(thread) && turnId.equals(turn);
    }

    private void unsubscribe() {
        try {
            client.threadUnsubscribe(new ThreadUnsubscribeParams(threadId));
        } catch (AppServerClientException e) {
            LOG.log(Level.WARNING, "thread/unsubscribe failed during shutdown: {0}", e.getMessage());
        }
    }

    private void onInterrupt() {
        pendingInterrupts.incrementAndGet();
        if (turnId != null) {
            Thread.ofVirtual().name("exec-interrupt").start(this::sendPendingInterrupts);
        }
    }

    /** Sends one {@code turn/interrupt} per interrupt received so far that has not been sent. */
    private void sendPendingInterrupts() {
        for (int n = pendingInterrupts.getAndSet(0); n > 0; n--) {
            try {
                client.turnInterrupt(new TurnInterruptParams(threadId, turnId));
            } catch (AppServerClientException e) {
                LOG.log(Level.WARNING, "turn/interrupt failed: {0}", e.getMessage());
            }
        }
    }

    private String cwd() {
        return options.cwd().toString();
    }

    /** Runs a request; a failure becomes an {@link ExecException} "{@code <method>: <message>}". */
    private static <T> T call(String method, Supplier<T> request) {
        try {
            return request.get();
        } catch (AppServerClientException e) {
            throw new ExecException(method + ": " + e.getMessage(), e);
        }
    }
}
