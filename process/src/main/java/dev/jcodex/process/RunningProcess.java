package dev.jcodex.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A started child that this object owns. Output is read continuously, one small platform thread per stream (a
 * blocking pipe read would pin a virtual thread's carrier), retained per {@link OutputCaps} and streamed to an
 * {@link OutputListener}.
 *
 * <p>{@link #close()} kills the whole process tree (process group, session and descendants), waits for the exit,
 * gives the output readers up to {@link #IO_DRAIN_TIMEOUT} to finish (a grandchild that escaped may hold a pipe
 * open), releases every descriptor and reaps the child. Always close a {@code RunningProcess}.
 *
 * <p>Exit codes are shell-style: {@code 128 + n} for a child killed by signal n, {@value ExecOutput#TIMEOUT_EXIT_CODE}
 * when the request's timeout killed it.
 */
public final class RunningProcess implements AutoCloseable {

    /** How long output readers may run after the child exited before they are cut off. */
    public static final Duration IO_DRAIN_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(RunningProcess.class.getName());
    private static final int READ_CHUNK = 8192;
    private static final long READER_STACK_BYTES = 256 * 1024;
    private static final Duration EXIT_WAIT_AFTER_KILL = Duration.ofSeconds(5);

    private final Spawner.SpawnedChild child;
    private final String program;
    private final OutputListener listener;
    private final long startNanos;
    private final OutputCapture capture;
    private final List<Spawner.OutputSource> sources;
    private final AtomicInteger openReaders;
    private final CompletableFuture<Void> outputClosed = new CompletableFuture<>();
    private final CompletableFuture<Integer> exitCode;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean timedOut;
    private volatile long exitNanos;

    private RunningProcess(Spawner.SpawnedChild child, ExecRequest request, OutputListener listener, long startNanos) {
        this.child = child;
        this.program = request.argv().getFirst();
        this.listener = listener;
        this.startNanos = startNanos;
        this.capture = new OutputCapture(request.caps());
        this.sources = child.outputs();
        this.openReaders = new AtomicInteger(sources.size());
        this.exitCode = child.exit().thenApply(status -> timedOut ? ExecOutput.TIMEOUT_EXIT_CODE : status.shellCode());
    }

    /** Starts the readers, the timeout and the exit notification of a freshly spawned child. */
    static RunningProcess begin(Spawner.SpawnedChild child, ExecRequest request, OutputListener listener,
            long startNanos) {
        RunningProcess process = new RunningProcess(child, request, listener, startNanos);
        process.startReaders();
        if (request.timeout() != null) {
            CompletableFuture.delayedExecutor(request.timeout().toNanos(), TimeUnit.NANOSECONDS,
                    Thread::startVirtualThread).execute(process::expire);
        }
        process.exitCode.thenRun(() -> {
            process.exitNanos = System.nanoTime();
            Thread.startVirtualThread(process::notifyExit);
        });
        return process;
    }

    /** Process id of the child (also its process group and session id on Linux). */
    public long pid() {
        return child.pid();
    }

    /** Whether the child has not exited yet. */
    public boolean isAlive() {
        return !exitCode.isDone();
    }

    /** The exit code once the child has exited. */
    public OptionalInt exitCode() {
        Integer code = exitCode.getNow(null);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** Whether the request's timeout killed the child. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Completes with the exit code when the child exits. */
    public CompletableFuture<Integer> onExit() {
        return exitCode.copy();
    }

    /** Waits for the child to exit and returns its exit code. */
    public int waitFor() throws InterruptedException {
        try {
            return exitCode.get();
        } catch (ExecutionException e) {
            throw new ProcessException("waiting for `" + program + "` failed", e.getCause());
        }
    }

    /** Waits up to {@code timeout} for the exit; returns whether the child exited. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return await(exitCode, timeout);
    }

    /** Waits up to {@code timeout} until every output stream reached end of file. */
    public boolean awaitOutputClosed(Duration timeout) throws InterruptedException {
        return await(outputClosed, timeout);
    }

    /** Completes when every output stream reached end of file (or was cut off). */
    CompletableFuture<Void> whenOutputClosed() {
        return outputClosed.copy();
    }

    /** Whether every output stream reached end of file (or was cut off by {@link #close()}). */
    public boolean outputClosed() {
        return outputClosed.isDone();
    }

    /** Time since the spawn started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Whether {@link #write(byte[])} can reach the child (a stdin pipe or a PTY). */
    public boolean hasStdin() {
        return child.hasStdin();
    }

    /**
     * Writes to the child's stdin (or terminal).
     *
     * @throws ProcessException if there is no stdin or the write fails
     */
    public void write(byte[] bytes) {
        if (!child.hasStdin()) {
            throw new ProcessException("stdin of `" + program + "` is not open");
        }
        try {
            child.writeStdin(bytes);
        } catch (IOException e) {
            throw new ProcessException("failed to write to stdin of `" + program + "`: " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} as UTF-8. */
    public void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the stdin pipe so the child sees end of file (no effect on a PTY). */
    public void closeStdin() {
        child.closeStdin();
    }

    /** Retained standard output so far. */
    public String stdout() {
        return capture.stdout();
    }

    /** Retained standard error so far. */
    public String stderr() {
        return capture.stderr();
    }

    /** Retained stdout and stderr, interleaved in arrival order. */
    public String aggregatedOutput() {
        return capture.aggregated();
    }

    /** Sends SIGKILL to the whole process tree and returns at once. */
    public void kill() {
        child.killTree();
    }

    /** The result of a finished child; waits for the exit if needed. */
    ExecOutput toExecOutput() throws InterruptedException {
        int code = waitFor();
        return new ExecOutput(code, capture.stdout(), capture.stderr(), capture.aggregated(), elapsed(), timedOut);
    }

    /** Kills the tree, waits for the exit, lets output drain until {@link #IO_DRAIN_TIMEOUT} after it, reaps. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        child.killTree();
        interrupted |= awaitQuietly(exitCode, EXIT_WAIT_AFTER_KILL);
        if (!exitCode.isDone()) {
            LOG.log(System.Logger.Level.WARNING, "`" + program + "` (pid " + pid() + ") did not exit after SIGKILL");
        }
        // Readers get IO_DRAIN_TIMEOUT from the exit, however much of it the caller already spent waiting.
        long drainLeft = exitCode.isDone() ? exitNanos + IO_DRAIN_TIMEOUT.toNanos() - System.nanoTime() : 0;
        interrupted |= awaitQuietly(outputClosed, Duration.ofNanos(Math.max(0, drainLeft)));
        if (!outputClosed.isDone()) {
            stopReaders();
            interrupted |= awaitQuietly(outputClosed, IO_DRAIN_TIMEOUT);
        }
        child.closeDescriptors();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void expire() {
        if (!exitCode.isDone()) {
            timedOut = true;
            child.killTree();
        }
    }

    private void notifyExit() {
        try {
            awaitOutputClosed(IO_DRAIN_TIMEOUT);
            listener.onExit(exitCode.join(), capture.aggregated());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "exit listener failed", e);
        }
    }

    private void startReaders() {
        if (sources.isEmpty()) {
            outputClosed.complete(null);
        }
        for (Spawner.OutputSource source : sources) {
            Thread.ofPlatform()
                    .name("jcodex-" + source.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + pid())
                    .daemon(true)
                    .stackSize(READER_STACK_BYTES)
                    .start(() -> pump(source));
        }
    }

    private void pump(Spawner.OutputSource source) {
        byte[] buffer = new byte[READ_CHUNK];
        try (InputStream stream = source.stream()) {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                deliver(source.kind(), buffer, n);
            }
        } catch (ClosedChannelException e) {
            LOG.log(System.Logger.Level.DEBUG, "output of `{0}` cut off", program);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "reading output of `" + program + "` failed", e);
        } finally {
            readerDone();
        }
    }

    private void deliver(StreamKind kind, byte[] buffer, int length) {
        if (length == 0) {
            return;
        }
        capture.append(kind, buffer, length);
        try {
            listener.onOutput(kind, Arrays.copyOf(buffer, length));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "output listener failed", e);
        }
    }

    private void readerDone() {
        if (openReaders.decrementAndGet() == 0) {
            outputClosed.complete(null);
        }
    }

    private void stopReaders() {
        sources.forEach(source -> source.stop().run());
    }

    private static boolean await(CompletableFuture<?> future, Duration timeout) throws InterruptedException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Waits without giving up on interrupts; returns whether an interrupt arrived. */
    private static boolean awaitQuietly(CompletableFuture<?> future, Duration timeout) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (TimeoutException | ExecutionException e) {
                return interrupted;
            }
        }
    }
}
