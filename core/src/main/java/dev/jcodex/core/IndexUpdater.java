package dev.jcodex.core;

import dev.jcodex.state.SessionMeta;
import dev.jcodex.state.ThreadIndex;
import dev.jcodex.state.ThreadRecord;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the SQLite thread index in step with the rollouts without putting SQLite on a turn's critical path: updates
 * run in order on one background virtual thread (the first one also loads SQLite, in parallel with the first model
 * request) and {@link #close()} waits for them.
 */
final class IndexUpdater implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IndexUpdater.class.getName());
    private final ThreadIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("thread-index").factory());
    private final Map<String, ThreadRecord> records = new ConcurrentHashMap<>();

    IndexUpdater(Path codexHome, Path sqliteHome) {
        this.index = sqliteHome == null ? ThreadIndex.open(codexHome) : ThreadIndex.open(codexHome, sqliteHome);
    }

    /**
     * The index itself, for reads ({@code thread/list}, {@code resume --last}) and archive moves; updates queued
     * before this call have been applied, so a read sees every finished turn and an archive cannot be overwritten
     * by a late update.
     */
    ThreadIndex index() {
        awaitQueued();
        return index;
    }

    /** Waits (bounded) for every update queued so far. */
    void awaitQueued() {
        java.util.concurrent.CompletableFuture<Void> marker = new java.util.concurrent.CompletableFuture<>();
        try {
            worker.execute(() -> marker.complete(null));
            marker.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "index worker already stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(Level.WARNING, "thread index updates still pending after 10 s");
        }
    }

    void started(SessionMeta meta, Path rolloutPath) {
        ThreadRecord record = ThreadRecord.started(meta, rolloutPath);
        records.put(meta.id(), record);
        submit(() -> index.upsert(record));
    }

    void afterTurn(ThreadInfo info, String model, String firstUserMessage) {
        if (info.ephemeral() || info.rolloutPath() == null) {
            return;
        }
        submit(() -> {
            ThreadRecord current = records.get(info.id());
            if (current == null) {
                current = index.find(info.id()).orElse(null);
            }
            if (current == null) {
                return;
            }
            ThreadRecord next = current.afterTurn(Instant.now(), model, firstUserMessage);
            records.put(info.id(), next);
            index.upsert(next);
        });
    }

    private void submit(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "thread index update failed (rollouts stay the source of truth): {0}",
                            e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "thread index update after close dropped");
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "thread index updates still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        index.close();
    }
}
