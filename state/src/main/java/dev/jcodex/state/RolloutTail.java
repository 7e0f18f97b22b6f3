package dev.jcodex.state;

import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads the end of a rollout file without scanning the whole file. */
final class RolloutTail {
    private static final int TAIL_BYTES = 256 * 1024;

    private RolloutTail() {}

    /** Whether the file is non-empty and its last byte is not a newline (a torn last line). */
    static boolean endsWithoutNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            return one.get(0) != '\n';
        }
    }

    /**
     * The ordinal the next appended line gets: one past the last complete line's ordinal; for files in the older
     * format without ordinals, the number of complete lines.
     */
    static long nextOrdinal(Path file) throws IOException {
        for (String line : completeTailLines(file)) {
            JsonNode ordinal = parse(line).map(n -> n.get("ordinal")).orElse(null);
            if (ordinal != null && ordinal.isIntegralNumber()) {
                return ordinal.asLong() + 1;
            }
        }
        return countNewlines(file);
    }

    /** The timestamp of the last complete line that has one. */
    static Optional<Instant> lastTimestamp(Path file) throws IOException {
        for (String line : completeTailLines(file)) {
            JsonNode ts = parse(line).map(n -> n.get("timestamp")).orElse(null);
            if (ts != null && ts.isString()) {
                try {
                    return Optional.of(Instant.parse(ts.asString()));
                } catch (DateTimeParseException e) {
                    // Try the line before.
                }
            }
        }
        return Optional.empty();
    }

    /** Complete lines at the end of the file, newest first (a torn last fragment is left out). */
    private static java.util.List<String> completeTailLines(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int len = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate(len);
            long pos = size - len;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos + buf.position());
                if (n < 0) {
                    break;
                }
            }
            byte[] bytes = buf.array();
            int end = buf.position();
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            java.util.List<String> lines = new java.util.ArrayList<>();
            int lineEnd = end;
            for (int i = end - 2; i >= -1; i--) {
                if (i == -1 || bytes[i] == '\n') {
                    if (i == -1 && pos > 0) {
                        break;
                    }
                    int start = i + 1;
                    if (lineEnd - 1 > start) {
                        lines.add(new String(bytes, start, lineEnd - 1 - start, StandardCharsets.UTF_8));
                    }
                    lineEnd = start;
                }
            }
            return lines;
        }
    }

    private static Optional<JsonNode> parse(String line) {
        try {
            return Optional.of(ProtocolJson.tree(line));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** Newlines within the file's current size (devices such as {@code /dev/full} report size 0). */
    private static long countNewlines(Path file) throws IOException {
        long count = 0;
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long remaining = ch.size();
            while (remaining > 0) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), remaining));
                int n = ch.read(buf);
                if (n <= 0) {
                    break;
                }
                remaining -= n;
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
