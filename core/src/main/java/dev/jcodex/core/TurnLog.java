package dev.jcodex.core;

import dev.jcodex.protocol.TurnItem;
import java.util.ArrayList;
import java.util.List;

/** The turns of a thread with their completed items, for {@code thread/read}. Thread-safe. */
final class TurnLog {
    private static final int MAX_TURNS = 200;
    private final List<Entry> turns = new ArrayList<>();

    private static final class Entry {
        final String id;
        final long startedAtMs;
        final List<TurnItem> items = new ArrayList<>();
        TurnRecord.Status status = TurnRecord.Status.IN_PROGRESS;
        String error;
        Long completedAtMs;

        Entry(String id, long startedAtMs) {
            this.id = id;
            this.startedAtMs = startedAtMs;
        }

        TurnRecord snapshot() {
            return new TurnRecord(id, items, status, error, startedAtMs, completedAtMs);
        }
    }

    synchronized void started(String turnId) {
        turns.add(new Entry(turnId, System.currentTimeMillis()));
        if (turns.size() > MAX_TURNS) {
            turns.removeFirst();
        }
    }

    synchronized void itemCompleted(String turnId, TurnItem item) {
        Entry e = find(turnId);
        if (e != null) {
            e.items.add(item);
        }
    }

    synchronized void failed(String turnId, String message) {
        Entry e = find(turnId);
        if (e != null) {
            e.error = message;
        }
    }

    synchronized void finished(String turnId, TurnRecord.Status status) {
        Entry e = find(turnId);
        if (e != null) {
            e.status = e.error != null && status == TurnRecord.Status.COMPLETED ? TurnRecord.Status.FAILED : status;
            e.completedAtMs = System.currentTimeMillis();
        }
    }

    synchronized List<TurnRecord> snapshot() {
        return turns.stream().map(Entry::snapshot).toList();
    }

    private Entry find(String turnId) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).id.equals(turnId)) {
                return turns.get(i);
            }
        }
        return null;
    }
}
