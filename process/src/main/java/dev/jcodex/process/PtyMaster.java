package dev.jcodex.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The master side of a pseudo-terminal. One platform thread reads it through {@link #input()} (a poll loop that
 * checks {@link #stop()} every 100 ms); writes may come from any thread.
 *
 * <p>Closing the master hangs the terminal up: the kernel sends SIGHUP to the session leader (the child) and its
 * foreground process group. End of output (EIO once every slave descriptor is closed) does <em>not</em> mean the child
 * is gone: GNU {@code cat} closes descriptors 0–2 before it exits, and any program may close its terminal and keep
 * running. So the reader never closes the descriptor on its own; the owner calls {@link #close()} once the child has
 * been reaped or deliberately killed. The descriptor is released when both the owner has closed and the reader has
 * let go of it, under the same lock as writes, so its number is never reused while a poll, read or write may still
 * use it.
 */
final class PtyMaster {

    private static final int POLL_MILLIS = 100;
    private static final int CHUNK = 8192;

    private final int fd;
    private final Object lock = new Object();
    private volatile boolean stopping;
    private boolean ownerClosed; // guarded by lock
    private boolean readerReleased; // guarded by lock
    private boolean descriptorClosed; // guarded by lock

    PtyMaster(int fd) {
        this.fd = fd;
    }

    /** Asks the reader to finish; it closes the descriptor within about 100 ms. */
    void stop() {
        stopping = true;
    }

    /**
     * The read side, to be used by exactly one platform thread. It ends at EIO (no slave descriptor open), at end of
     * file or after {@link #stop()}; closing it hands the descriptor back, it does not hang the terminal up.
     */
    InputStream input() {
        return new InputStream() {
            // Created lazily: a confined arena belongs to the reader thread that first reads.
            private Arena arena;
            private MemorySegment buffer;
            private MemorySegment pollfd;
            private MemorySegment state;
            private boolean released;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (released) {
                    return -1;
                }
                if (arena == null) {
                    arena = Arena.ofConfined();
                    buffer = arena.allocate(CHUNK);
                    pollfd = arena.allocate(8, 4);
                    state = LinuxLibc.callState(arena);
                }
                while (!stopping) {
                    int ready = LinuxLibc.pollOne(state, pollfd, fd, LinuxLibc.POLLIN, POLL_MILLIS);
                    if (ready == 0) {
                        continue;
                    }
                    if (ready < 0) {
                        if (LinuxLibc.errno(state) == LinuxLibc.EINTR) {
                            continue;
                        }
                        return -1;
                    }
                    long n = LinuxLibc.read(state, fd, buffer, Math.min(length, CHUNK));
                    if (n > 0) {
                        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, target, offset, (int) n);
                        return (int) n;
                    }
                    if (n == 0) {
                        return -1;
                    }
                    int errno = LinuxLibc.errno(state);
                    if (errno != LinuxLibc.EINTR && errno != LinuxLibc.EAGAIN) {
                        return -1; // EIO: every slave descriptor is closed
                    }
                }
                return -1;
            }

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    readerReleased();
                    if (arena != null) {
                        arena.close();
                    }
                }
            }
        };
    }

    /**
     * Writes all of {@code bytes}; fails after {@link #close()}. While no slave descriptor is open (the child closed
     * its terminal, or is exiting) the kernel still accepts the bytes; nobody reads them.
     */
    void write(byte[] bytes) throws IOException {
        synchronized (lock) {
            if (ownerClosed) {
                throw new IOException("terminal is closed");
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment data = arena.allocate(Math.max(1, bytes.length));
                MemorySegment.copy(bytes, 0, data, ValueLayout.JAVA_BYTE, 0, bytes.length);
                MemorySegment state = LinuxLibc.callState(arena);
                long written = 0;
                while (written < bytes.length) {
                    long n = LinuxLibc.write(state, fd, data.asSlice(written), bytes.length - written);
                    if (n >= 0) {
                        written += n;
                        continue;
                    }
                    int errno = LinuxLibc.errno(state);
                    if (errno == LinuxLibc.EAGAIN) {
                        Thread.onSpinWait();
                    } else if (errno != LinuxLibc.EINTR) {
                        throw new IOException("write to terminal failed: " + LinuxLibc.strerror(errno));
                    }
                }
            }
        }
    }

    /**
     * Hangs the terminal up and releases the descriptor, at once if the reader has finished, else as soon as it does
     * (it is told to stop). Call only after the child has been reaped or killed: anything still in the session gets
     * SIGHUP. Idempotent.
     */
    void close() {
        stopping = true;
        synchronized (lock) {
            ownerClosed = true;
            releaseIfUnused();
        }
    }

    private void readerReleased() {
        synchronized (lock) {
            readerReleased = true;
            releaseIfUnused();
        }
    }

    private void releaseIfUnused() {
        if (ownerClosed && readerReleased && !descriptorClosed) {
            descriptorClosed = true;
            LinuxLibc.close(fd);
        }
    }
}
