package dev.jcodex.core;

import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;
import dev.jcodex.state.RolloutItem;
import dev.jcodex.state.RolloutWriteException;
import dev.jcodex.state.RolloutWriter;
import dev.jcodex.state.TurnContext;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a thread persists (spec §10.1): response items, the persisted subset of events (in the reference's
 * payload shapes), turn contexts. Writes go through the background {@link RolloutWriter}; {@link #flush()} runs
 * before every model request and {@link #sync()} at turn end. Ephemeral threads use {@link #none()}.
 */
class RolloutRecorder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RolloutRecorder.class.getName());
    private final RolloutWriter writer;
    private boolean failureReported;

    RolloutRecorder(RolloutWriter writer) {
        this.writer = writer;
    }

    /** A recorder that persists nothing. */
    static RolloutRecorder none() {
        return new RolloutRecorder(null);
    }

    Path path() {
        return writer == null ? null : writer.path();
    }

    void recordItem(ResponseItem item) {
        if (writer != null && !(item instanceof ResponseItem.Other)) {
            append(new RolloutItem.Response(item));
        }
    }

    void recordTurnContext(TurnContext context) {
        if (writer != null) {
            append(context);
        }
    }

    /** Persists {@code event} if it belongs to the persisted subset. */
    void recordEvent(String threadId, EventMsg event, Long contextWindow) {
        if (writer == null) {
            return;
        }
        ObjectNode payload = switch (event) {
            case EventMsg.TaskStarted e -> tree(e);
            case EventMsg.TaskComplete e -> tree(e);
            case EventMsg.TurnAborted e -> tree(e);
            case EventMsg.Error e -> e.willRetry() ? null : tree(e);
            case EventMsg.ItemCompleted e -> {
                ObjectNode node = tree(e);
                node.put("thread_id", threadId);
                yield node;
            }
            case EventMsg.TokenCount e -> tokenCount(e, contextWindow);
            case EventMsg.PlanUpdate e -> null;
            case EventMsg.Warning e -> null;
            case EventMsg.ItemStarted e -> null;
            case EventMsg.AgentMessageDelta e -> null;
            case EventMsg.ReasoningSummaryDelta e -> null;
            case EventMsg.ReasoningContentDelta e -> null;
            case EventMsg.CommandOutputDelta e -> null;
            case EventMsg.TurnDiff e -> null;
            case EventMsg.ExecApprovalRequest e -> null;
            case EventMsg.PatchApprovalRequest e -> null;
            case EventMsg.RequestUserInput e -> null;
            case EventMsg.ShutdownComplete e -> null;
        };
        if (payload != null) {
            append(new RolloutItem.Event(payload));
        }
    }

    /** Everything appended so far reaches the OS (survives {@code kill -9}). */
    void flush() {
        if (writer != null) {
            uninterruptibly(writer::flush);
            reportFailure();
        }
    }

    /** {@link #flush()} plus fsync. */
    void sync() {
        if (writer != null) {
            uninterruptibly(writer::sync);
            reportFailure();
        }
    }

    /** The write failure, if recording stopped. */
    Optional<RolloutWriteException> failure() {
        return writer == null ? Optional.empty() : writer.failure();
    }

    private void append(RolloutItem item) {
        uninterruptibly(() -> writer.append(item));
    }

    /**
     * Runs a writer call with the interrupt flag cleared and restores it afterwards: an interrupt aborts the turn
     * at its next blocking point, but must never drop a rollout line.
     */
    private static void uninterruptibly(Runnable call) {
        boolean interrupted = Thread.interrupted();
        try {
            call.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reportFailure() {
        if (!failureReported && writer.failure().isPresent()) {
            failureReported = true;
            LOG.log(Level.ERROR, "session recording stopped: {0}", writer.failure().get().getMessage());
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private static ObjectNode tree(EventMsg event) {
        return (ObjectNode) ProtocolJson.mapper().valueToTree(event);
    }

    /** The reference's {@code token_count} shape: {@code info{total_token_usage,last_token_usage,…}}. */
    private static ObjectNode tokenCount(EventMsg.TokenCount e, Long contextWindow) {
        ObjectNode node = ProtocolJson.mapper().createObjectNode();
        node.put("type", "token_count");
        ObjectNode info = node.putObject("info");
        info.set("total_token_usage", usage(e.total()));
        info.set("last_token_usage", usage(e.last()));
        if (contextWindow != null) {
            info.put("model_context_window", contextWindow);
        }
        node.putNull("rate_limits");
        return node;
    }

    private static ObjectNode usage(TokenUsage usage) {
        return (ObjectNode) ProtocolJson.mapper().valueToTree(usage == null ? TokenUsage.ZERO : usage);
    }
}
