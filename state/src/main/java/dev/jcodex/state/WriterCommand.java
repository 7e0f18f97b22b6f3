package dev.jcodex.state;

import java.util.concurrent.CompletableFuture;

/** What the rollout writer thread is asked to do, in queue order. */
sealed interface WriterCommand {
    /** One encoded line, newline included. */
    record Line(byte[] bytes) implements WriterCommand {}

    /** Completes {@code done} once everything queued before it is written (and forced, for SYNC and CLOSE). */
    record Barrier(Kind kind, CompletableFuture<Void> done) implements WriterCommand {}

    /** The barrier kinds. */
    enum Kind { FLUSH, SYNC, CLOSE }
}
