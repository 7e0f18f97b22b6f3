package dev.jcodex.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a stream into {@code \n}-terminated lines without decoding them, so JSON can be parsed straight from
 * UTF-8 bytes. The current line is valid until the next call to {@link #next()}; memory grows only with the
 * longest line.
 */
final class ByteLines implements AutoCloseable {
    private final InputStream in;
    private byte[] buf = new byte[256 * 1024];
    private int start;
    private int limit;
    private int lineStart;
    private int lineEnd;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line (a final line without newline counts); false at the end. */
    boolean next() throws IOException {
        int scanned = 0; // bytes after start already searched for a newline
        while (true) {
            for (int i = start + scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    lineStart = start;
                    lineEnd = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    start = i + 1;
                    return true;
                }
            }
            scanned = limit - start;
            if (eof) {
                if (start < limit) {
                    lineStart = start;
                    lineEnd = limit;
                    start = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /** Reads more input, compacting or growing the buffer as needed; rebases {@code start}. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= start;
            start = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] buffer() {
        return buf;
    }

    int offset() {
        return lineStart;
    }

    int length() {
        return lineEnd - lineStart;
    }

    boolean isBlank() {
        for (int i = lineStart; i < lineEnd; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    String text() {
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
