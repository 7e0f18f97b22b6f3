package dev.jcodex.process;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One unified exec process: the child plus the output it printed since the last {@code exec_command} /
 * {@code write_stdin} call (a 1 MiB head+tail buffer), and the wake-ups the collector waits for.
 */
final class ExecSession {

    /** After the exit, how long to wait for the output streams to close before returning anyway. */
    static final long POST_EXIT_CLOSE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int id;
    private final boolean tty;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteRing pending = new ByteRing(OutputCaps.ONE_MIB, OutputCaps.Retention.HEAD_AND_TAIL);
    private RunningProcess process;
    private boolean outputClosed;
    private volatile long lastUsedNanos = System.nanoTime();

    private ExecSession(int id, boolean tty) {
        this.id = id;
        this.tty = tty;
    }

    /** Spawns the child; output flows into this session and on to {@code listener}. */
    static ExecSession start(ProcessLauncher launcher, int id, ExecRequest request, OutputListener listener) {
        ExecSession session = new ExecSession(id, request.terminal() == ExecRequest.Terminal.PTY);
        session.process = launcher.start(request, new OutputListener() {
            @Override
            public void onOutput(StreamKind stream, byte[] chunk) {
                session.append(chunk);
                listener.onOutput(stream, chunk);
            }

            @Override
            public void onExit(int exitCode, String aggregatedOutput) {
                listener.onExit(exitCode, aggregatedOutput);
            }
        });
        session.process.onExit().whenComplete((code, error) -> session.signal());
        session.process.whenOutputClosed().whenComplete((unused, error) -> {
            session.lock.lock();
            try {
                session.outputClosed = true;
                session.changed.signalAll();
            } finally {
                session.lock.unlock();
            }
        });
        return session;
    }

    int id() {
        return id;
    }

    boolean tty() {
        return tty;
    }

    RunningProcess process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    /**
     * Returns what arrives until {@code deadlineNanos}, or earlier once the process exited and its output closed
     * (waiting at most {@link #POST_EXIT_CLOSE_WAIT_NANOS} for the close after the exit). New output does not end
     * the wait early.
     */
    byte[] collect(long deadlineNanos) throws InterruptedException {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        lock.lockInterruptibly();
        try {
            long postExitDeadline = 0;
            boolean postExitDeadlineSet = false;
            while (true) {
                byte[] drained = pending.drain();
                if (drained.length > 0) {
                    collected.writeBytes(drained);
                    if (System.nanoTime() - deadlineNanos >= 0) {
                        break;
                    }
                    continue;
                }
                boolean exited = !process.isAlive();
                if (exited && outputClosed) {
                    break;
                }
                long now = System.nanoTime();
                long remaining = deadlineNanos - now;
                if (remaining <= 0) {
                    break;
                }
                if (exited) {
                    if (!postExitDeadlineSet) {
                        postExitDeadline = now + Math.min(remaining, POST_EXIT_CLOSE_WAIT_NANOS);
                        postExitDeadlineSet = true;
                    }
                    long wait = postExitDeadline - now;
                    if (wait <= 0) {
                        break;
                    }
                    changed.awaitNanos(wait);
                } else {
                    changed.awaitNanos(remaining);
                }
            }
        } finally {
            lock.unlock();
        }
        return collected.toByteArray();
    }

    /** Output that arrived since the last {@link #collect}, without waiting (used after the readers finished). */
    byte[] drainPending() {
        lock.lock();
        try {
            return pending.drain();
        } finally {
            lock.unlock();
        }
    }

    private void append(byte[] chunk) {
        lock.lock();
        try {
            pending.append(chunk, 0, chunk.length);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
