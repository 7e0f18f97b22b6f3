package dev.jcodex.core;

import dev.jcodex.common.Ids;
import dev.jcodex.core.tools.TurnAbortedException;
import dev.jcodex.modelclient.RequestContext;
import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.protocol.UserInput;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Queue;
import java.util.Set;

/**
 * One turn: record the user's input, then sample → run tool calls → sample again until the model answers without
 * calling tools (spec §3, §4). Input submitted while the turn runs is injected before the next sampling step. An
 * interrupt (thread interruption) ends the turn as {@code turn_aborted}; a model error that outlives its retries
 * ends it as failed.
 */
final class TurnLoop {
    private static final System.Logger LOG = System.getLogger(TurnLoop.class.getName());
    static final String TURN_ABORTED_NOTE = "<turn_aborted>\nThe user interrupted the previous turn. Commands that "
            + "were running were stopped and their effects may be incomplete; check the state of the workspace "
            + "before continuing.\n</turn_aborted>";

    private final Session session;
    private final TurnContext ctx;
    private final List<UserInput> input;
    private final Queue<List<UserInput>> pendingInput;
    private final ActiveTurn services;

    TurnLoop(Session session, TurnContext ctx, List<UserInput> input, Queue<List<UserInput>> pendingInput,
            Set<List<String>> approvedForSession) {
        this.session = session;
        this.ctx = ctx;
        this.input = input;
        this.pendingInput = pendingInput;
        this.services = new ActiveTurn(session, ctx, approvedForSession);
    }

    /** Runs the turn to its end; never throws. */
    void run() {
        String turnId = ctx.turnId();
        session.turnLog.started(turnId);
        session.emit(new EventMsg.TaskStarted(turnId, ctx.model().contextWindow()));
        TurnRecord.Status status = TurnRecord.Status.COMPLETED;
        String lastMessage = null;
        try {
            session.rollout.recordTurnContext(TurnContexts.of(ctx));
            if (session.markInitialContextRecorded()) {
                for (ResponseItem item : InitialContext.build(session.config.instructions(), session.env.codexHome(),
                        ctx.cwd(), shellName(), ctx.sandboxPolicy(), ctx.approvalPolicy(), ctx.writableRoots())) {
                    session.record(item);
                }
            }
            recordUserInput(input);
            RequestContext requestContext = RequestContext.of(session.threadId(), session.userAgent)
                    .withTurn(turnId, turnMetadata());
            while (true) {
                List<UserInput> injected;
                while ((injected = pendingInput.poll()) != null) {
                    recordUserInput(injected);
                }
                SamplingStep.Outcome outcome = new SamplingStep(session, ctx, services, requestContext).run();
                if (outcome == null) {
                    status = TurnRecord.Status.FAILED;
                    break;
                }
                if (outcome.lastAgentMessage() != null) {
                    lastMessage = outcome.lastAgentMessage();
                }
                if (!outcome.needsFollowUp() && pendingInput.isEmpty()) {
                    break;
                }
            }
        } catch (InterruptedException | TurnAbortedException e) {
            status = TurnRecord.Status.INTERRUPTED;
        } catch (CoreException e) {
            status = TurnRecord.Status.FAILED;
            session.emit(new EventMsg.Error(turnId, e.getMessage(), null, false, null));
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                status = TurnRecord.Status.INTERRUPTED;
                finish(status, lastMessage);
                return;
            }
            LOG.log(Level.ERROR, "turn " + turnId + " failed", e);
            status = TurnRecord.Status.FAILED;
            session.emit(new EventMsg.Error(turnId, "internal error: " + e, null, false, null));
        }
        finish(status, lastMessage);
    }

    /**
     * Ends the turn: the rollout is synced (fsync) and the index update queued before the final event goes out, so
     * a front end that exits on {@code turn/completed} never loses the turn.
     */
    private void finish(TurnRecord.Status status, String lastMessage) {
        String turnId = ctx.turnId();
        Thread.interrupted();
        if (status == TurnRecord.Status.INTERRUPTED) {
            session.abortPendingApprovals();
            session.record(ResponseItem.Message.text("user", TURN_ABORTED_NOTE));
        }
        try {
            session.rollout.sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not sync the rollout at the end of turn {0}: {1}", turnId, e.getMessage());
        }
        session.indexAfterTurn(ctx.model().slug());
        session.turnLog.finished(turnId, status);
        session.emit(status == TurnRecord.Status.INTERRUPTED
                ? new EventMsg.TurnAborted(turnId, EventMsg.AbortReason.INTERRUPTED)
                : new EventMsg.TaskComplete(turnId, lastMessage));
    }

    private void recordUserInput(List<UserInput> items) {
        String id = Ids.newId();
        ResponseItem.Message message = TurnItems.userMessage("msg_" + id, items, new LocalImages(ctx.cwd()));
        session.record(message);
        String text = TurnItems.text(items);
        session.noteUserMessage(text);
        TurnItem.UserMessage item = new TurnItem.UserMessage(id, items);
        session.emit(new EventMsg.ItemStarted(ctx.turnId(), item));
        session.emit(new EventMsg.ItemCompleted(ctx.turnId(), item));
        if (message.content().stream().anyMatch(c -> c instanceof ContentItem.InputText t
                && t.text().startsWith("[image "))) {
            session.emit(new EventMsg.Warning(ctx.turnId(), "an attached image could not be read; see the message"));
        }
    }

    private String turnMetadata() {
        var node = ProtocolJson.mapper().createObjectNode();
        node.put("session_id", session.threadId());
        node.put("thread_id", session.threadId());
        node.put("turn_id", ctx.turnId());
        node.put("window_id", session.threadId() + ":0");
        node.put("request_kind", "turn");
        node.put("sandbox_mode", TurnContexts.sandboxMode(ctx.sandboxPolicy()));
        node.put("model", ctx.model().slug());
        if (ctx.effort() != null) {
            node.put("reasoning_effort", ctx.effort().wire());
        }
        return ProtocolJson.write(node);
    }

    private static String shellName() {
        return dev.jcodex.process.UserShell.detect().name();
    }
}
