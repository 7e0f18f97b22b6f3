package dev.jcodex.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends rollout lines to one JSONL file from a background virtual thread.
 *
 * <p>{@link #append} serialises the item on the caller's thread, stamps it with the time and the next ordinal and
 * queues it; the queue is bounded, so a stalled disk slows appenders down instead of growing memory.
 * {@link #flush} returns once everything appended before it has been handed to the operating system (it survives
 * the process being killed); {@link #sync} additionally forces it to the device (it survives a power loss).
 *
 * <p>I/O failures never throw from {@link #append}: the writer stops recording, logs the failure and reports it
 * once, as a {@link RolloutWriteException} from the next {@link #flush}, {@link #sync} or {@link #close}; the
 * session keeps running. Files are created with mode 0600 in folders created with mode 0700; the file is only ever
 * appended to.
 */
public final class RolloutWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RolloutWriter.class.getName());
    static final int DEFAULT_QUEUE_CAPACITY = 1024;

    /** When a new rollout file appears on disk. */
    public enum FileCreation {
        /** At once: {@link #create} writes the {@code session_meta} line before returning. */
        EAGER,
        /**
         * At the first {@link #flush} or {@link #sync}; until then lines are held in memory, and a writer closed
         * without ever flushing leaves no file (a session that never received input leaves nothing behind).
         */
        ON_FIRST_FLUSH
    }

    private final Path path;
    private final Clock clock;
    private final BlockingQueue<WriterCommand> queue;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final AtomicBoolean failureReported = new AtomicBoolean();
    private final WriterLoop loop;
    private final Thread thread;
    private long nextOrdinal;
    private volatile boolean closed;

    private RolloutWriter(Path path, WriterLoop.OpenMode mode, long firstOrdinal, Clock clock, int capacity) {
        this.path = path;
        this.clock = clock;
        this.nextOrdinal = firstOrdinal;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.loop = new WriterLoop(path, mode, queue);
        this.thread = Thread.ofVirtual().name("rollout-writer-" + path.getFileName()).start(loop);
    }

    /**
     * Starts the rollout of a new thread at {@link RolloutPaths#newRolloutPath} (creation time taken from
     * {@code meta.timestamp()}, local time zone) and appends {@code meta} as its first line. With
     * {@link FileCreation#EAGER} the file exists when this returns, unless creating it failed: like every I/O
     * failure, that is reported once by the next {@link #flush}, {@link #sync} or {@link #close} (and visible in
     * {@link #failure()} at once), so the session can keep running without a rollout.
     */
    public static RolloutWriter create(Path codexHome, SessionMeta meta, FileCreation creation) {
        Instant created = Instant.parse(Objects.requireNonNull(meta.timestamp(), "meta.timestamp"));
        Path path = RolloutPaths.newRolloutPath(codexHome, meta.id(), created, java.time.ZoneId.systemDefault());
        return create(path, meta, creation, Clock.systemUTC(), DEFAULT_QUEUE_CAPACITY);
    }

    static RolloutWriter create(Path path, SessionMeta meta, FileCreation creation, Clock clock, int capacity) {
        RolloutWriter writer = new RolloutWriter(path, WriterLoop.OpenMode.CREATE_NEW, 0, clock, capacity);
        writer.append(meta);
        if (creation == FileCreation.EAGER) {
            writer.awaitWritten(WriterCommand.Kind.FLUSH);
        }
        return writer;
    }

    /**
     * Reopens an existing rollout to append to it (resume). Ordinals continue after the last line; if the file
     * ends in a torn line, new lines start on a fresh line. Failing to open it for writing is reported like any
     * write failure.
     *
     * @throws StateException if the file does not exist or cannot be read
     */
    public static RolloutWriter resume(Path rolloutPath) {
        return resume(rolloutPath, Clock.systemUTC(), DEFAULT_QUEUE_CAPACITY);
    }

    static RolloutWriter resume(Path rolloutPath, Clock clock, int capacity) {
        if (!Files.exists(rolloutPath)) {
            throw new StateException("cannot resume: rollout file " + rolloutPath + " does not exist");
        }
        long next;
        try {
            next = RolloutTail.nextOrdinal(rolloutPath);
        } catch (IOException e) {
            throw new StateException("cannot resume rollout file " + rolloutPath + ": " + e.getMessage(), e);
        }
        RolloutWriter writer = new RolloutWriter(rolloutPath, WriterLoop.OpenMode.APPEND_EXISTING, next, clock,
                capacity);
        writer.awaitWritten(WriterCommand.Kind.FLUSH);
        return writer;
    }

    /** The rollout file (which may not exist yet with {@link FileCreation#ON_FIRST_FLUSH}). */
    public Path path() {
        return path;
    }

    /**
     * Queues {@code item} as the next line, blocking while the queue is full. Items appended after a write
     * failure are dropped.
     *
     * @throws IllegalStateException if the writer is closed
     */
    public void append(RolloutItem item) {
        Objects.requireNonNull(item, "item");
        if (loop.failure() != null) {
            return;
        }
        appendLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("rollout writer for " + path + " is closed");
            }
            RolloutLine line = RolloutLine.of(clock.instant(), nextOrdinal, item);
            byte[] bytes = (RolloutCodec.encode(line) + "\n").getBytes(StandardCharsets.UTF_8);
            enqueue(new WriterCommand.Line(bytes));
            nextOrdinal++;
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Blocks until every item appended before this call has been written to the operating system. With
     * {@link FileCreation#ON_FIRST_FLUSH}, the first call creates the file.
     *
     * @throws RolloutWriteException once, if writing has failed
     */
    public void flush() {
        barrier(WriterCommand.Kind.FLUSH);
    }

    /**
     * Like {@link #flush}, then forces the file to the storage device (fsync).
     *
     * @throws RolloutWriteException once, if writing has failed
     */
    public void sync() {
        barrier(WriterCommand.Kind.SYNC);
    }

    /** The write failure, if one happened (whether or not it has been reported). */
    public Optional<RolloutWriteException> failure() {
        return Optional.ofNullable(loop.failure());
    }

    /**
     * Writes and forces what is queued, closes the file and stops the writer thread. Idempotent.
     *
     * @throws RolloutWriteException if writing failed and the failure has not been reported yet
     */
    @Override
    public void close() {
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            appendLock.unlock();
        }
        var close = new WriterCommand.Barrier(WriterCommand.Kind.CLOSE, new CompletableFuture<>());
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                queue.put(close);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        reportFailureOnce();
    }

    private void barrier(WriterCommand.Kind kind) {
        if (!closed) {
            awaitWritten(kind);
        }
        reportFailureOnce();
    }

    /** Waits until everything queued so far is written (and forced, for SYNC); failures stay unreported. */
    private void awaitWritten(WriterCommand.Kind kind) {
        var barrier = new WriterCommand.Barrier(kind, new CompletableFuture<>());
        enqueue(barrier);
        awaitBarrier(barrier);
    }

    private void enqueue(WriterCommand command) {
        try {
            while (!queue.offer(command, 1, TimeUnit.SECONDS)) {
                if (!thread.isAlive()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while queueing a rollout line for " + path, e);
        }
    }

    private void awaitBarrier(WriterCommand.Barrier barrier) {
        while (true) {
            try {
                barrier.done().get(1, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                if (!thread.isAlive()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateException("interrupted while waiting for the rollout writer of " + path, e);
            } catch (ExecutionException e) {
                throw new StateException("rollout writer of " + path + " failed", e.getCause());
            }
        }
    }

    private void reportFailureOnce() {
        RolloutWriteException failure = loop.failure();
        if (failure != null && failureReported.compareAndSet(false, true)) {
            throw failure;
        }
    }

    static void logFailure(RolloutWriteException e) {
        LOG.log(System.Logger.Level.ERROR, e.getMessage(), e);
    }
}
