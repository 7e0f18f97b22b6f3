package dev.jcodex.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a rollout file line by line, holding one line in memory at a time. Both line formats are read
 * ({@code {timestamp, ordinal, type, payload}} and the older {@code {timestamp, type, payload}}). Lines that are
 * not usable (a torn last line after a crash, a corrupt line in the middle, invalid UTF-8) are skipped with a
 * logged warning and counted in {@link #skippedLines()}; blank lines are ignored. Lines are parsed straight from
 * their UTF-8 bytes.
 */
public final class RolloutReader implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RolloutReader.class.getName());
    private static final int MAX_WARNINGS = 5;
    private static final int META_SCAN_LINES = 64;

    private final Path path;
    private final ByteLines in;
    private long lineNumber;
    private long skipped;
    private boolean atEnd;

    private RolloutReader(Path path, ByteLines in) {
        this.path = path;
        this.in = in;
    }

    /**
     * Opens {@code path} for reading.
     *
     * @throws NoSuchFileException if the file does not exist
     */
    public static RolloutReader open(Path path) throws IOException {
        return new RolloutReader(path, new ByteLines(Files.newInputStream(path)));
    }

    /** Every usable line of {@code path}; for small files and tests (memory grows with the file). */
    public static List<RolloutLine> readAll(Path path) throws IOException {
        List<RolloutLine> lines = new ArrayList<>();
        try (RolloutReader reader = open(path)) {
            for (Optional<RolloutLine> l = reader.next(); l.isPresent(); l = reader.next()) {
                lines.add(l.get());
            }
        }
        return lines;
    }

    /** The {@code session_meta} near the start of {@code path}, if any. */
    public static Optional<SessionMeta> readSessionMeta(Path path) throws IOException {
        try (RolloutReader reader = open(path)) {
            for (Optional<RolloutLine> l = reader.next(); l.isPresent() && reader.lineNumber <= META_SCAN_LINES;
                    l = reader.next()) {
                if (l.get().item() instanceof SessionMeta meta) {
                    return Optional.of(meta);
                }
            }
        }
        return Optional.empty();
    }

    /** The next usable line, or empty at the end of the file. */
    public Optional<RolloutLine> next() throws IOException {
        if (atEnd) {
            return Optional.empty();
        }
        while (in.next()) {
            lineNumber++;
            if (in.isBlank()) {
                continue;
            }
            try {
                return Optional.of(RolloutCodec.decode(in.buffer(), in.offset(), in.length()));
            } catch (RolloutCodec.CorruptLineException e) {
                skipped++;
                if (skipped <= MAX_WARNINGS) {
                    LOG.log(System.Logger.Level.WARNING, "skipping unreadable line {0} of {1}: {2}",
                            lineNumber, path, e.getMessage());
                }
            }
        }
        atEnd = true;
        if (skipped > MAX_WARNINGS) {
            LOG.log(System.Logger.Level.WARNING, "skipped {0} unreadable lines in {1}", skipped, path);
        }
        return Optional.empty();
    }

    /** The 1-based number of the last line read (usable or not). */
    public long lineNumber() {
        return lineNumber;
    }

    /** How many non-blank lines could not be used so far. */
    public long skippedLines() {
        return skipped;
    }

    /** The exact text of the line {@link #next()} returned last (valid until the next call). */
    String lastText() {
        return in.text();
    }

    /** The file being read. */
    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
