package dev.jcodex.state;

import dev.jcodex.protocol.ProtocolJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.core.JacksonException;

/**
 * The composer history, {@code $CODEX_HOME/history.jsonl}: one {@link HistoryEntry} per submitted user message,
 * shared by every jcodex process using the same {@code CODEX_HOME}.
 *
 * <p>Every append and every trim runs under an exclusive advisory lock ({@link FileChannel#lock()}) on the
 * sidecar file {@code history.jsonl.lock}, so concurrent processes neither interleave nor lose lines; the lock
 * lives on a sidecar because trimming replaces {@code history.jsonl} atomically (write a copy, rename it over),
 * and a lock held on a replaced file would no longer exclude anyone. Each entry is written with one write call.
 * Files are created with mode 0600, and the mode is re-enforced on every append.
 */
public final class MessageHistory {
    /** The history file name under {@code CODEX_HOME}. */
    public static final String FILE_NAME = "history.jsonl";
    static final String LOCK_FILE_NAME = "history.jsonl.lock";
    private static final String TEMP_FILE_NAME = "history.jsonl.trim";
    private static final System.Logger LOG = System.getLogger(MessageHistory.class.getName());
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private MessageHistory() {}

    /**
     * Appends one entry stamped with the current time, unless {@code settings} say {@code persistence = none};
     * then trims the oldest entries if the file exceeds {@code max_bytes}.
     */
    public static void append(Path codexHome, String sessionId, String text, HistorySettings settings)
            throws IOException {
        append(codexHome, new HistoryEntry(sessionId, Instant.now().getEpochSecond(), text), settings);
    }

    static void append(Path codexHome, HistoryEntry entry, HistorySettings settings) throws IOException {
        Objects.requireNonNull(entry.sessionId(), "sessionId");
        Objects.requireNonNull(entry.text(), "text");
        if (settings.persistence() == HistorySettings.HistoryPersistence.NONE) {
            return;
        }
        RolloutPaths.createPrivateDirectories(codexHome);
        byte[] line = (ProtocolJson.write(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = codexHome.resolve(FILE_NAME);
        withLock(codexHome, false, () -> {
            try (FileChannel ch = PosixSupport.openPrivate(file, EnumSet.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND))) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            if (settings.maxBytes() != null) {
                trim(codexHome, file, settings.maxBytes());
            }
            return null;
        });
    }

    /** The identity of the current history file and how many entries it holds. */
    public static HistoryMetadata metadata(Path codexHome) throws IOException {
        Path file = codexHome.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new HistoryMetadata(0, 0);
        }
        return withLock(codexHome, true, () -> {
            try {
                return new HistoryMetadata(logId(file), countLines(file));
            } catch (NoSuchFileException e) {
                return new HistoryMetadata(0, 0);
            }
        });
    }

    /**
     * The entry at zero-based {@code offset}, if {@code logId} still names the current file and the offset
     * exists. Unparseable lines yield empty (and a logged warning).
     */
    public static Optional<HistoryEntry> lookup(Path codexHome, long logId, long offset) throws IOException {
        Path file = codexHome.resolve(FILE_NAME);
        if (offset < 0 || !Files.exists(file)) {
            return Optional.empty();
        }
        return withLock(codexHome, true, () -> {
            if (logId(file) != logId) {
                return Optional.empty();
            }
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
                String line;
                long index = 0;
                while ((line = in.readLine()) != null) {
                    if (index++ == offset) {
                        try {
                            return Optional.of(ProtocolJson.read(line, HistoryEntry.class));
                        } catch (JacksonException e) {
                            LOG.log(System.Logger.Level.WARNING, "unreadable history entry {0}: {1}", offset,
                                    e.getOriginalMessage());
                            return Optional.empty();
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    /** Drops whole lines from the front until the file is at most 80 % of {@code maxBytes}; keeps the newest. */
    private static void trim(Path codexHome, Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size <= maxBytes) {
            return;
        }
        long keepFrom;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            keepFrom = lineStartAtOrAfter(ch, size - maxBytes * 8 / 10);
            if (keepFrom >= size) {
                keepFrom = lastLineStart(ch, size);
            }
            Path temp = codexHome.resolve(TEMP_FILE_NAME);
            try (FileChannel out = PosixSupport.openPrivate(temp, EnumSet.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))) {
                long pos = keepFrom;
                while (pos < size) {
                    pos += ch.transferTo(pos, size - pos, out);
                }
                out.force(false);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.log(System.Logger.Level.DEBUG, "trimmed {0} from {1} to {2} bytes", file, size, size - keepFrom);
    }

    private static long lineStartAtOrAfter(FileChannel ch, long position) throws IOException {
        if (position <= 0) {
            return 0;
        }
        InputStream in = Channels.newInputStream(ch.position(position - 1));
        byte[] buf = new byte[8192];
        long pos = position - 1;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return pos;
    }

    private static long lastLineStart(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long p = size - 2; p >= 0; p--) {
            one.clear();
            ch.read(one, p);
            if (one.get(0) == '\n') {
                return p + 1;
            }
        }
        return 0;
    }

    private static long countLines(Path file) throws IOException {
        long count = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static long logId(Path file) throws IOException {
        try {
            return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key == null ? 1 : key.hashCode() & 0xffffffffL;
        }
    }

    private interface LockedAction<T> {
        T run() throws IOException;
    }

    private static <T> T withLock(Path codexHome, boolean shared, LockedAction<T> action) throws IOException {
        Path key = codexHome.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        try (FileChannel lockChannel = PosixSupport.openPrivate(key.resolve(LOCK_FILE_NAME),
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE))) {
            FileLock fileLock = lockChannel.lock(0, Long.MAX_VALUE, shared);
            try {
                return action.run();
            } finally {
                fileLock.release();
            }
        } finally {
            local.unlock();
        }
    }
}
