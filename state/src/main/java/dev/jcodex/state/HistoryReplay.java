package dev.jcodex.state;

import dev.jcodex.protocol.ResponseItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays rollout items oldest to newest into the history the model must see next, plus the resume metadata.
 * Memory is bounded by the rebuilt history and one small record per turn, not by the file.
 *
 * <p>The result equals the reference's newest-to-oldest scan (spec §10.2): a {@code compacted} line with
 * {@code replacement_history} replaces everything before it, a legacy one rebuilds
 * {@code [user messages…, summary]}, and {@code thread_rolled_back} drops the newest user turns, both from the
 * history and from the turn segments that supply the previous and reference turn contexts.
 */
final class HistoryReplay {
    private enum Reference { NEVER_SET, CLEARED, LATEST }

    /** One turn: the items from a {@code task_started} up to the next one. */
    private static final class Segment {
        String turnId;
        boolean userTurn;
        boolean dead;
        TurnContext oldestContext;
        TurnContext newestContext;
        Reference reference = Reference.NEVER_SET;
        long lastReplacement = -1;

        Segment(String turnId) {
            this.turnId = turnId;
        }
    }

    private SessionMeta meta;
    private List<ResponseItem> history = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private long position;
    private long lastLegacyCompaction = -1;

    void accept(RolloutItem item) {
        position++;
        switch (item) {
            case SessionMeta m -> {
                if (meta == null) {
                    meta = m;
                }
            }
            case RolloutItem.Response r -> {
                current().userTurn |= HistoryRules.isRealUserMessage(r.item());
                if (!(r.item() instanceof ResponseItem.Other)) {
                    history.add(r.item());
                }
            }
            case RolloutItem.Event e -> event(e);
            case TurnContext t -> {
                Segment s = current();
                if (s.turnId == null) {
                    s.turnId = t.turnId();
                }
                if (t.turnId() == null || Objects.equals(s.turnId, t.turnId())) {
                    if (s.oldestContext == null) {
                        s.oldestContext = t;
                    }
                    s.newestContext = t;
                    s.reference = Reference.LATEST;
                }
            }
            case Compacted c -> compacted(c);
            case RolloutItem.Unknown u -> {
                // Line kinds this version does not model never enter the history.
            }
        }
    }

    private void event(RolloutItem.Event e) {
        switch (e.type()) {
            case "task_started", "turn_started" -> segments.add(new Segment(text(e, "turn_id")));
            case "user_message" -> current().userTurn = true;
            case "thread_rolled_back" -> rollback(e.payload().path("num_turns").asLong(0));
            case "task_complete", "turn_complete", "turn_aborted" -> {
                Segment s = current();
                if (s.turnId == null) {
                    s.turnId = text(e, "turn_id");
                }
            }
            default -> {
                // Other events do not shape history.
            }
        }
    }

    private void compacted(Compacted c) {
        Segment s = current();
        s.reference = Reference.CLEARED;
        if (c.replacementHistory() != null) {
            List<ResponseItem> replaced = new ArrayList<>(c.replacementHistory().size());
            for (ResponseItem i : c.replacementHistory()) {
                if (!(i instanceof ResponseItem.Other)) {
                    replaced.add(i);
                }
            }
            history = replaced;
            s.lastReplacement = position;
        } else {
            lastLegacyCompaction = position;
            history = HistoryRules.buildCompactedHistory(HistoryRules.collectUserMessages(history), c.message());
        }
    }

    private void rollback(long turns) {
        if (turns <= 0) {
            return;
        }
        HistoryRules.dropLastNUserTurns(history, turns);
        long remaining = turns;
        while (remaining > 0 && !segments.isEmpty()) {
            Segment s = segments.removeLast();
            if (s.userTurn && !s.dead) {
                remaining--;
            }
        }
        // Items after the rollback and before the next task_started belong to the rolled-back turn.
        Segment dead = new Segment(null);
        dead.dead = true;
        segments.add(dead);
    }

    private Segment current() {
        if (segments.isEmpty()) {
            segments.add(new Segment(null));
        }
        return segments.getLast();
    }

    private static String text(RolloutItem.Event e, String field) {
        var node = e.payload().get(field);
        return node != null && node.isString() ? node.asString() : null;
    }

    ReconstructedThread result(long skippedLines) {
        TurnContext previous = null;
        for (Segment s : segments.reversed()) {
            if (!s.dead && s.userTurn && s.oldestContext != null) {
                previous = s.oldestContext;
                break;
            }
        }
        TurnContext reference = null;
        for (Segment s : segments.reversed()) {
            if (s.dead) {
                continue;
            }
            if (s.reference == Reference.CLEARED) {
                break;
            }
            if (s.userTurn && s.reference == Reference.LATEST) {
                reference = s.newestContext;
                break;
            }
        }
        long newestReplacement = -1;
        for (Segment s : segments) {
            newestReplacement = Math.max(newestReplacement, s.lastReplacement);
        }
        if (lastLegacyCompaction > newestReplacement) {
            reference = null;
        }
        return new ReconstructedThread(meta, history, previous, reference, skippedLines);
    }
}
