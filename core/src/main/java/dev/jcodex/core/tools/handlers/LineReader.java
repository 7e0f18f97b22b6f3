package dev.jcodex.core.tools.handlers;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines at {@code \n}, dropping the newline and a {@code \r} before it. Works on bytes
 * so files in any encoding can be read; {@link #decode} turns a line into text, replacing invalid UTF-8 with
 * U+FFFD.
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int pos;
    private int end;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or {@code null} at end of input. */
    byte[] next() throws IOException {
        pending.reset();
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    return any ? finish(pending.toByteArray()) : null;
                }
            }
            any = true;
            for (int i = pos; i < end; i++) {
                if (buf[i] == '\n') {
                    pending.write(buf, pos, i - pos);
                    pos = i + 1;
                    return finish(pending.toByteArray());
                }
            }
            pending.write(buf, pos, end - pos);
            pos = end;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    private static byte[] finish(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return java.util.Arrays.copyOf(line, line.length - 1);
        }
        return line;
    }

    /** The line as text; invalid UTF-8 becomes U+FFFD. */
    static String decode(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    /** {@code text} cut to at most {@code maxBytes} UTF-8 bytes without splitting a character. */
    static String capBytes(String text, int maxBytes) {
        if (text.length() * 3L <= maxBytes) {
            return text;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + width > maxBytes) {
                return text.substring(0, i);
            }
            bytes += width;
            i += Character.charCount(cp);
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
