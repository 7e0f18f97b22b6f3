package dev.jcodex.applypatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text file split into lines, keeping enough of the original to write untouched regions back byte for byte.
 *
 * <p>Lines are split on {@code \n}; a {@code \r} before it belongs to the terminator, so CRLF files match patch
 * lines exactly. A final newline does not start an extra line (as in the reference). {@link #eol()} is the
 * terminator used for inserted lines: CRLF when most lines of the file end that way, LF otherwise.
 */
final class TextContent {

    private static final char BOM = '\uFEFF';

    private final String text;
    private final boolean byteOrderMark;
    private final String[] lines;
    /** {@code lineStarts[i]} is where line i starts in {@link #text}; {@code lineStarts[n] == text.length()}. */
    private final int[] lineStarts;
    private final String eol;

    private TextContent(String text, boolean byteOrderMark) {
        this.text = text;
        this.byteOrderMark = byteOrderMark;
        int capacity = 16;
        String[] split = new String[capacity];
        int[] starts = new int[capacity + 1];
        int count = 0;
        int crlf = 0;
        int lf = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? length : newline;
            int contentEnd = end;
            if (newline >= 0) {
                if (end > start && text.charAt(end - 1) == '\r') {
                    contentEnd--;
                    crlf++;
                } else {
                    lf++;
                }
            }
            if (count == capacity) {
                capacity *= 2;
                split = Arrays.copyOf(split, capacity);
                starts = Arrays.copyOf(starts, capacity + 1);
            }
            starts[count] = start;
            split[count++] = text.substring(start, contentEnd);
            start = newline < 0 ? length : newline + 1;
        }
        starts[count] = length;
        this.lines = Arrays.copyOf(split, count);
        this.lineStarts = Arrays.copyOf(starts, count + 1);
        this.eol = crlf > lf ? "\r\n" : "\n";
    }

    /** Wraps already decoded text; {@code byteOrderMark} says whether the file it is written to starts with one. */
    static TextContent of(String text, boolean byteOrderMark) {
        return new TextContent(text, byteOrderMark);
    }

    /**
     * Decodes file bytes.
     *
     * @throws NotTextException when the bytes contain NUL or are not valid UTF-8
     */
    static TextContent decode(byte[] bytes) throws NotTextException {
        for (byte b : bytes) {
            if (b == 0) {
                throw new NotTextException("file appears to be binary (it contains NUL bytes); "
                        + "apply_patch only edits UTF-8 text files");
            }
        }
        // Fast path: the JDK's intrinsified decoder; only text with U+FFFD needs the strict check.
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        if (decoded.indexOf('\uFFFD') >= 0) {
            try {
                decoded = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new NotTextException("file is not valid UTF-8 text; apply_patch only edits UTF-8 text files");
            }
        }
        boolean bom = !decoded.isEmpty() && decoded.charAt(0) == BOM;
        return new TextContent(bom ? decoded.substring(1) : decoded, bom);
    }

    /** The content is not UTF-8 text; the message says why. */
    static final class NotTextException extends Exception {
        NotTextException(String message) {
            super(message, null, false, false);
        }
    }

    /** The decoded text without a byte-order mark. */
    String text() {
        return text;
    }

    String[] lines() {
        return lines;
    }

    int lineCount() {
        return lines.length;
    }

    String eol() {
        return eol;
    }

    boolean hasByteOrderMark() {
        return byteOrderMark;
    }

    /** Whether the last line lacks a terminator. */
    boolean missingFinalNewline() {
        return !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
    }

    /** Appends lines {@code [from, to)} with their original terminators. */
    void appendOriginal(StringBuilder out, int from, int to) {
        if (from < to) {
            out.append(text, lineStarts[from], lineStarts[to]);
        }
    }

    /** Encodes text for writing as UTF-8, with a leading byte-order mark when asked. */
    static byte[] encode(String text, boolean byteOrderMark) {
        return (byteOrderMark ? BOM + text : text).getBytes(StandardCharsets.UTF_8);
    }
}
