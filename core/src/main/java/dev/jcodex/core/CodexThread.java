package dev.jcodex.core;

import dev.jcodex.common.Ids;
import dev.jcodex.core.tools.ToolRouter;
import dev.jcodex.core.tools.handlers.TurnDiffTracker;
import dev.jcodex.modelclient.ModelClient;
import dev.jcodex.modelclient.ModelInfo;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.Op;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;
import dev.jcodex.protocol.UserInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;

/**
 * A conversation with the agent: a submission side ({@link #submit(Op)}) and an ordered event queue
 * ({@link #nextEvent()}). At most one turn runs at a time; input submitted while a turn runs joins that turn at
 * its next sampling step. Closing the thread interrupts the running turn, kills its processes and flushes the
 * rollout.
 */
public final class CodexThread implements AutoCloseable {
    private final Session session;
    private final Queue<List<UserInput>> pendingInput = new ConcurrentLinkedQueue<>();
    private final Set<List<String>> approvedForSession = ConcurrentHashMap.newKeySet();
    private Thread turnThread;
    private String activeTurnId;
    private boolean closed;

    CodexThread(Session session) {
        this.session = session;
    }

    /** The thread id. */
    public String id() {
        return session.threadId();
    }

    /** Identity: ids, rollout path, source, creation time. */
    public ThreadInfo info() {
        return session.info;
    }

    /** The settings the next turn starts from. */
    public ThreadSettings settings() {
        return session.settings();
    }

    /** The turns so far with their completed items. */
    public List<TurnRecord> turns() {
        return session.turnLog.snapshot();
    }

    /** Thread-cumulative token usage. */
    public TokenUsage totalUsage() {
        return session.totalUsage();
    }

    /** The conversation history as the model sees it (without the base instructions). */
    public List<ResponseItem> history() {
        return session.historySnapshot();
    }

    /** The id of the running turn, or null. */
    public synchronized String activeTurnId() {
        return activeTurnId;
    }

    /**
     * Submits an operation. A user turn starts a turn (returning its id) or, while one runs, joins it (returning
     * the running turn's id). Approvals answer pending requests; {@link Op.Interrupt} aborts the running turn.
     *
     * @throws CoreException when a turn cannot start (e.g. missing credentials) or the thread is closed
     */
    public synchronized String submit(Op op) {
        if (closed && !(op instanceof Op.Shutdown)) {
            throw new CoreException("thread " + id() + " is closed");
        }
        return switch (op) {
            case Op.UserTurn t -> userInput(t.items(), t.overrides());
            case Op.UserInputOp u -> userInput(u.items(), Op.TurnOverrides.NONE);
            case Op.Interrupt i -> {
                interruptTurn();
                yield activeTurnId;
            }
            case Op.ExecApproval a -> {
                session.resolveApproval(a.callId(), a.decision());
                yield activeTurnId;
            }
            case Op.PatchApproval a -> {
                session.resolveApproval(a.callId(), a.decision());
                yield activeTurnId;
            }
            case Op.UserInputAnswer a -> {
                session.resolveUserInput(a.callId(), a.answers());
                yield activeTurnId;
            }
            case Op.Shutdown s -> {
                close();
                yield null;
            }
        };
    }

    /** The next event, blocking until one is available. */
    public CoreEvent nextEvent() throws InterruptedException {
        return session.nextEvent();
    }

    /** The next event, or null after {@code timeout}. */
    public CoreEvent pollEvent(Duration timeout) throws InterruptedException {
        return session.pollEvent(timeout);
    }

    private String userInput(List<UserInput> items, Op.TurnOverrides overrides) {
        if (activeTurnId != null) {
            pendingInput.add(List.copyOf(items));
            return activeTurnId;
        }
        return startTurn(List.copyOf(items), overrides == null ? Op.TurnOverrides.NONE : overrides);
    }

    private String startTurn(List<UserInput> items, Op.TurnOverrides o) {
        ThreadSettings s = session.settings();
        ThreadSettings next = new ThreadSettings(
                o.model() != null ? o.model() : s.model(), s.modelProviderId(),
                o.cwd() != null ? Path.of(o.cwd()).toAbsolutePath().normalize() : s.cwd(),
                o.approvalPolicy() != null ? o.approvalPolicy() : s.approvalPolicy(),
                o.sandboxPolicy() != null ? o.sandboxPolicy() : s.sandboxPolicy(),
                o.effort() != null ? o.effort() : s.reasoningEffort(),
                o.summary() != null ? o.summary() : s.reasoningSummary());
        ModelInfo model = session.modelInfo(next.model());
        ModelClient client = session.client(model);
        session.updateSettings(next);
        String turnId = Ids.newId();
        TurnDiffTracker diffs = new TurnDiffTracker();
        ToolRouter router = ToolPlan.build(model, session.config, next.sandboxPolicy(), diffs);
        JsonNode schema = o.outputSchema() == null ? null : ProtocolJson.tree(o.outputSchema());
        TurnContext ctx = new TurnContext(turnId, next.cwd(), next.approvalPolicy(), next.sandboxPolicy(),
                TurnContext.writableRoots(next.sandboxPolicy(), next.cwd()), model, client, next.reasoningEffort(),
                next.reasoningSummary(), session.config.modelSettings().verbosity(), schema, router);
        TurnLoop loop = new TurnLoop(session, ctx, items, pendingInput, approvedForSession);
        activeTurnId = turnId;
        turnThread = Thread.ofVirtual().name("turn-" + turnId).unstarted(() -> {
            loop.run();
            turnFinished(turnId);
        });
        turnThread.start();
        return turnId;
    }

    private synchronized void turnFinished(String turnId) {
        if (!turnId.equals(activeTurnId)) {
            return;
        }
        activeTurnId = null;
        turnThread = null;
        if (!closed && !pendingInput.isEmpty()) {
            List<UserInput> merged = new ArrayList<>();
            List<UserInput> more;
            while ((more = pendingInput.poll()) != null) {
                merged.addAll(more);
            }
            try {
                startTurn(merged, Op.TurnOverrides.NONE);
            } catch (CoreException e) {
                session.emit(new EventMsg.Error(null, e.getMessage(), null, false, null));
            }
        }
    }

    private void interruptTurn() {
        if (turnThread != null) {
            session.abortPendingApprovals();
            turnThread.interrupt();
        }
    }

    /** Interrupts the running turn, waits for it, kills remaining processes, syncs the rollout. Idempotent. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pendingInput.clear();
            running = turnThread;
            interruptTurn();
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        session.close();
        session.emit(new EventMsg.ShutdownComplete());
    }
}
