package dev.jcodex.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteRingTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void append(ByteRing ring, String text) {
        byte[] data = bytes(text);
        ring.append(data, 0, data.length);
    }

    private static String content(ByteRing ring) {
        return new String(ring.toBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void headRetentionKeepsTheFirstBytes() {
        ByteRing ring = new ByteRing(5, OutputCaps.Retention.HEAD);
        append(ring, "abc");
        append(ring, "defgh");

        assertThat(content(ring)).isEqualTo("abcde");
        assertThat(ring.omittedBytes()).isEqualTo(3);
    }

    @Test
    void headAndTailKeepsBothEndsAcrossSmallChunks() {
        ByteRing ring = new ByteRing(6, OutputCaps.Retention.HEAD_AND_TAIL);
        for (char c = 'a'; c <= 'j'; c++) {
            append(ring, String.valueOf(c));
        }

        assertThat(content(ring)).isEqualTo("abchij");
        assertThat(ring.retainedBytes()).isEqualTo(6);
        assertThat(ring.omittedBytes()).isEqualTo(4);
    }

    @Test
    void chunkLargerThanTheTailReplacesIt() {
        ByteRing ring = new ByteRing(6, OutputCaps.Retention.HEAD_AND_TAIL);
        append(ring, "abcdef");
        append(ring, "0123456789");

        assertThat(content(ring)).isEqualTo("abc789");
        assertThat(ring.omittedBytes()).isEqualTo(10);
    }

    @Test
    void oddCapGivesTheExtraByteToTheTail() {
        ByteRing ring = new ByteRing(5, OutputCaps.Retention.HEAD_AND_TAIL);
        append(ring, "abcdefghij");

        assertThat(content(ring)).isEqualTo("abhij");
    }

    @Test
    void drainEmptiesTheBuffer() {
        ByteRing ring = new ByteRing(4, OutputCaps.Retention.HEAD_AND_TAIL);
        append(ring, "abcdef");

        assertThat(new String(ring.drain(), StandardCharsets.US_ASCII)).isEqualTo("abef");
        assertThat(ring.retainedBytes()).isZero();
        assertThat(ring.omittedBytes()).isZero();
        append(ring, "xy");
        assertThat(content(ring)).isEqualTo("xy");
    }
}
