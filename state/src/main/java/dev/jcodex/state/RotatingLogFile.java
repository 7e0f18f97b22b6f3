package dev.jcodex.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An append-only log file with size-based rotation: when a record would push {@code codex.log} past
 * {@code maxBytes}, it becomes {@code codex.log.1} ({@code .1} → {@code .2} …, the oldest beyond
 * {@code maxFiles - 1} backups is deleted). Files get mode 0600. Write failures are swallowed: logging must never
 * break the program, and there is nowhere else to report them.
 */
final class RotatingLogFile implements AutoCloseable {
    private final Path file;
    private final long maxBytes;
    private final int maxFiles;
    private final ReentrantLock lock = new ReentrantLock();
    private FileChannel channel;
    private long size;
    private boolean closed;

    RotatingLogFile(Path file, long maxBytes, int maxFiles) throws IOException {
        if (maxBytes < 1 || maxFiles < 1) {
            throw new IllegalArgumentException("maxBytes and maxFiles must be positive");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        RolloutPaths.createPrivateDirectories(file.toAbsolutePath().getParent());
        open();
    }

    Path file() {
        return file;
    }

    void write(String record) {
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (channel == null) {
                open();
            }
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            size += bytes.length;
        } catch (IOException e) {
            closeChannel();
        } finally {
            lock.unlock();
        }
    }

    private void open() throws IOException {
        channel = PosixSupport.openPrivate(file,
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        size = channel.size();
    }

    private void rotate() throws IOException {
        closeChannel();
        Files.deleteIfExists(backup(maxFiles - 1));
        for (int i = maxFiles - 2; i >= 1; i--) {
            Path from = backup(i);
            if (Files.exists(from)) {
                Files.move(from, backup(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (maxFiles > 1 && Files.exists(file)) {
            Files.move(file, backup(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(file);
        }
        open();
    }

    private Path backup(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to report to.
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeChannel();
        } finally {
            lock.unlock();
        }
    }
}
