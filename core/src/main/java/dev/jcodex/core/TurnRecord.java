package dev.jcodex.core;

import dev.jcodex.protocol.TurnItem;
import java.util.List;

/**
 * A finished or running turn as {@code thread/read} reports it.
 *
 * @param id turn id
 * @param items the user-visible items, in completion order
 * @param status where the turn is
 * @param errorMessage the fatal error, when failed
 * @param startedAtMs start time (epoch ms)
 * @param completedAtMs end time (epoch ms), or null while running
 */
public record TurnRecord(String id, List<TurnItem> items, Status status, String errorMessage, long startedAtMs,
        Long completedAtMs) {

    /** Lifecycle of a turn. */
    public enum Status { IN_PROGRESS, COMPLETED, INTERRUPTED, FAILED }

    public TurnRecord {
        items = List.copyOf(items);
    }
}
