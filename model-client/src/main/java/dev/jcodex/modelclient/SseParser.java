package dev.jcodex.modelclient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental Server-Sent Events parser (WHATWG "event stream interpretation") working on raw bytes, so chunk
 * boundaries may fall anywhere: inside a UTF-8 sequence, between CR and LF, inside a field name.
 *
 * <p>Lines end with LF, CR or CRLF. Fields {@code event}, {@code data} (multi-line, joined with LF), {@code id}
 * (ignored when it contains NUL) and {@code retry} (digits only) are recognised; comment lines ({@code :…}) and
 * unknown fields are ignored; a leading BOM is skipped. An event is dispatched at a blank line when it carries
 * data; a trailing event without its blank line is discarded at end of stream. Not thread-safe.
 */
final class SseParser {

    /** One dispatched event; {@code event} is {@code "message"} when no {@code event:} field was given. */
    record SseEvent(String event, String data, String lastEventId, long retryMillis) {}

    private static final byte LF = '\n';
    private static final byte CR = '\r';

    private final Consumer<SseEvent> sink;
    private byte[] partial = new byte[1024];
    private int partialLength;
    private boolean skipLf;
    private int bomState; // 0 = at start, 1..2 = BOM bytes matched, 3 = done
    private String eventType;
    private String singleData;
    private StringBuilder multiData;
    private boolean hasData;
    private String lastEventId = "";
    private long retryMillis = -1;

    SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    /** Feeds the remaining bytes of {@code buffer} (its position is advanced to the limit). */
    void feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            feed(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
        } else {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            feed(copy, 0, copy.length);
        }
    }

    /** Feeds {@code length} bytes of {@code bytes} from {@code offset}. */
    void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (bomState < 3) {
            i = skipBom(bytes, i, end);
            if (i < 0) {
                return;
            }
        }
        if (skipLf && i < end) {
            skipLf = false;
            if (bytes[i] == LF) {
                i++;
            }
        }
        int lineStart = i;
        while (i < end) {
            byte b = bytes[i];
            if (b != LF && b != CR) {
                i++;
                continue;
            }
            if (partialLength > 0) {
                append(bytes, lineStart, i - lineStart);
                line(partial, 0, partialLength);
                partialLength = 0;
            } else {
                line(bytes, lineStart, i - lineStart);
            }
            i++;
            if (b == CR) {
                if (i < end) {
                    if (bytes[i] == LF) {
                        i++;
                    }
                } else {
                    skipLf = true;
                }
            }
            lineStart = i;
        }
        if (lineStart < end) {
            append(bytes, lineStart, end - lineStart);
        }
    }

    /** End of stream: an unterminated event is discarded, as the SSE specification requires. */
    void finish() {
        partialLength = 0;
        resetEvent();
    }

    private int skipBom(byte[] bytes, int i, int end) {
        final byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        while (bomState < 3 && i < end) {
            if (bytes[i] == bom[bomState]) {
                bomState++;
                i++;
                if (bomState == 3) {
                    return i;
                }
            } else {
                // Not a BOM: replay the bytes matched so far as ordinary input.
                int matched = bomState;
                bomState = 3;
                if (matched > 0) {
                    feed(bom, 0, matched);
                }
                return i;
            }
        }
        return i < end ? i : -1;
    }

    private void append(byte[] bytes, int from, int len) {
        if (partialLength + len > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + len));
        }
        System.arraycopy(bytes, from, partial, partialLength, len);
        partialLength += len;
    }

    private void line(byte[] b, int start, int len) {
        if (len == 0) {
            dispatch();
            return;
        }
        if (b[start] == ':') {
            return; // comment / keep-alive
        }
        int colon = -1;
        for (int k = start; k < start + len; k++) {
            if (b[k] == ':') {
                colon = k;
                break;
            }
        }
        int nameLen = colon < 0 ? len : colon - start;
        int valueStart = colon < 0 ? start + len : colon + 1;
        if (colon >= 0 && valueStart < start + len && b[valueStart] == ' ') {
            valueStart++;
        }
        int valueLen = start + len - valueStart;
        if (is(b, start, nameLen, "data")) {
            addData(new String(b, valueStart, valueLen, StandardCharsets.UTF_8));
        } else if (is(b, start, nameLen, "event")) {
            eventType = new String(b, valueStart, valueLen, StandardCharsets.UTF_8);
        } else if (is(b, start, nameLen, "id")) {
            String id = new String(b, valueStart, valueLen, StandardCharsets.UTF_8);
            if (id.indexOf('\0') < 0) {
                lastEventId = id;
            }
        } else if (is(b, start, nameLen, "retry")) {
            retry(b, valueStart, valueLen);
        }
    }

    private void retry(byte[] b, int start, int len) {
        if (len == 0 || len > 18) {
            return;
        }
        long value = 0;
        for (int k = start; k < start + len; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return;
            }
            value = value * 10 + (b[k] - '0');
        }
        retryMillis = value;
    }

    private static boolean is(byte[] b, int start, int len, String name) {
        if (len != name.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (b[start + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void addData(String value) {
        if (!hasData) {
            singleData = value;
            hasData = true;
        } else {
            if (multiData == null) {
                multiData = new StringBuilder(singleData.length() + value.length() + 16);
                multiData.append(singleData);
            }
            multiData.append('\n').append(value);
        }
    }

    private void dispatch() {
        if (hasData) {
            String data = multiData != null ? multiData.toString() : singleData;
            sink.accept(new SseEvent(eventType == null || eventType.isEmpty() ? "message" : eventType, data,
                    lastEventId, retryMillis));
        }
        resetEvent();
    }

    private void resetEvent() {
        eventType = null;
        singleData = null;
        multiData = null;
        hasData = false;
    }
}
