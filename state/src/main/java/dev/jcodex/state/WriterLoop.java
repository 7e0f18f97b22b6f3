package dev.jcodex.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/** The body of a rollout writer's thread: drains the queue in batches and writes them to the file. */
final class WriterLoop implements Runnable {
    private static final int BATCH = 512;
    private static final int BUFFER_BYTES = 256 * 1024;

    /** Whether the file is new (must not exist) or an existing rollout being resumed. */
    enum OpenMode { CREATE_NEW, APPEND_EXISTING }

    private final Path path;
    private final OpenMode mode;
    private final BlockingQueue<WriterCommand> queue;
    private final List<byte[]> pending = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private FileChannel channel;
    private volatile RolloutWriteException failure;

    WriterLoop(Path path, OpenMode mode, BlockingQueue<WriterCommand> queue) {
        this.path = path;
        this.mode = mode;
        this.queue = queue;
    }

    RolloutWriteException failure() {
        return failure;
    }

    @Override
    public void run() {
        List<WriterCommand> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                batch.clear();
                batch.add(takeUninterruptibly());
                queue.drainTo(batch, BATCH - 1);
                for (WriterCommand command : batch) {
                    if (handle(command)) {
                        return;
                    }
                }
                if (channel != null && failure == null) {
                    writePending();
                }
            }
        } catch (RuntimeException | Error e) {
            fail("write", new IOException("rollout writer stopped unexpectedly: " + e, e));
            closeQuietly();
            drainBarriers();
            throw e;
        }
    }

    /** Handles one command; returns {@code true} once the writer is closed. */
    private boolean handle(WriterCommand command) {
        switch (command) {
            case WriterCommand.Line line -> {
                if (failure == null) {
                    pending.add(line.bytes());
                }
                return false;
            }
            case WriterCommand.Barrier barrier -> {
                boolean close = barrier.kind() == WriterCommand.Kind.CLOSE;
                boolean neverFlushed = channel == null && mode == OpenMode.CREATE_NEW && close;
                if (failure == null && !neverFlushed) {
                    materializeAndWrite(barrier.kind() != WriterCommand.Kind.FLUSH);
                }
                if (close) {
                    pending.clear();
                    closeQuietly();
                }
                barrier.done().complete(null);
                return close;
            }
        }
    }

    private void materializeAndWrite(boolean force) {
        String action = "write";
        try {
            if (channel == null) {
                action = mode == OpenMode.CREATE_NEW ? "create" : "open";
                open();
                action = "write";
            }
            writePending();
            if (force && channel != null) {
                action = "sync";
                channel.force(false);
            }
        } catch (IOException e) {
            fail(action, e);
        }
    }

    private void open() throws IOException {
        if (mode == OpenMode.CREATE_NEW) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                RolloutPaths.createPrivateDirectories(parent);
            }
            channel = PosixSupport.openPrivate(path, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } else {
            boolean tornTail = RolloutTail.endsWithoutNewline(path);
            channel = PosixSupport.openPrivate(path, EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            if (tornTail) {
                writeFully(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
    }

    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            buffer.clear();
            for (byte[] line : pending) {
                if (line.length > buffer.remaining()) {
                    drainBuffer();
                }
                if (line.length > buffer.capacity()) {
                    writeFully(ByteBuffer.wrap(line));
                } else {
                    buffer.put(line);
                }
            }
            drainBuffer();
            pending.clear();
        } catch (IOException e) {
            fail("write", e);
        }
    }

    private void drainBuffer() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void fail(String action, IOException e) {
        if (failure == null) {
            failure = RolloutWriteException.of(action, path, e);
            RolloutWriter.logFailure(failure);
        }
        pending.clear();
        closeQuietly();
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Already failing or closing; the first failure is the one reported.
            }
            channel = null;
        }
    }

    private void drainBarriers() {
        List<WriterCommand> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (WriterCommand c : rest) {
            if (c instanceof WriterCommand.Barrier b) {
                b.done().complete(null);
            }
        }
    }

    private WriterCommand takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Nobody but close() talks to this thread; keep serving the queue.
            }
        }
    }
}
