package dev.jcodex.state;

import dev.jcodex.protocol.ResponseItem;
import java.util.List;
import java.util.Optional;

/**
 * What resuming a rollout yields.
 *
 * @param sessionMeta the thread's {@code session_meta}, or {@code null} if the file has none
 * @param history the items the next model request must carry, oldest first (compactions and rollbacks applied;
 *     item kinds this version cannot send are left out)
 * @param previousTurnContext the settings of the newest surviving user turn (model, effort, cwd…), or
 *     {@code null}; resume defaults to its model and effort unless the caller overrides them
 * @param referenceContext the newest surviving turn context that still describes what the model has seen, or
 *     {@code null} when none exists or a later compaction cleared it; when {@code null}, the core re-inserts
 *     the initial context (developer + environment messages) before the next turn
 * @param skippedLines unreadable lines that were skipped (a torn last line, corrupt lines)
 */
public record ReconstructedThread(
        SessionMeta sessionMeta,
        List<ResponseItem> history,
        TurnContext previousTurnContext,
        TurnContext referenceContext,
        long skippedLines) {

    public ReconstructedThread {
        history = List.copyOf(history);
    }

    /** The session meta, if the file has one. */
    public Optional<SessionMeta> meta() {
        return Optional.ofNullable(sessionMeta);
    }

    /** The previous turn's settings, if any turn survived. */
    public Optional<TurnContext> previousTurn() {
        return Optional.ofNullable(previousTurnContext);
    }
}
