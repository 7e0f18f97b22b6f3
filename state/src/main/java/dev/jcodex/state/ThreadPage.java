package dev.jcodex.state;

import java.util.List;
import java.util.Optional;

/**
 * One page of {@link ThreadIndex#list}.
 *
 * @param threads newest {@code updatedAt} first
 * @param nextCursor pass to {@link ThreadFilter#withCursor} for the next page; {@code null} on the last page
 */
public record ThreadPage(List<ThreadRecord> threads, String nextCursor) {
    public ThreadPage {
        threads = List.copyOf(threads);
    }

    /** The cursor of the next page, if there is one. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
