package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseParser.SseEvent> parseWhole(byte[] input) {
        List<SseParser.SseEvent> out = new ArrayList<>();
        SseParser p = new SseParser(out::add);
        p.feed(input, 0, input.length);
        p.finish();
        return out;
    }

    private static List<SseParser.SseEvent> parseSplit(byte[] input, int... cuts) {
        List<SseParser.SseEvent> out = new ArrayList<>();
        SseParser p = new SseParser(out::add);
        int from = 0;
        for (int cut : cuts) {
            p.feed(ByteBuffer.wrap(input, from, cut - from).slice());
            from = cut;
        }
        p.feed(ByteBuffer.wrap(input, from, input.length - from).slice());
        p.finish();
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesEventDataIdAndRetry() {
        List<SseParser.SseEvent> events = parseWhole(utf8(
                "event: response.created\ndata: {\"a\":1}\nid: 7\nretry: 1500\n\ndata:no-space\n\n"));

        assertThat(events).containsExactly(
                new SseParser.SseEvent("response.created", "{\"a\":1}", "7", 1500),
                new SseParser.SseEvent("message", "no-space", "7", 1500));
    }

    @Test
    void joinsMultiLineDataAndIgnoresCommentsKeepAlivesAndUnknownFields() {
        List<SseParser.SseEvent> events = parseWhole(utf8(
                ": keep-alive\n\n:another\nfoo: bar\ndata: line1\ndata\ndata: line3\n\n"));

        assertThat(events).extracting(SseParser.SseEvent::data).containsExactly("line1\n\nline3");
    }

    @Test
    void blankLinesWithoutDataDispatchNothingAndResetTheEventName() {
        List<SseParser.SseEvent> events = parseWhole(utf8("event: x\n\n\n\ndata: d\n\n"));

        assertThat(events).containsExactly(new SseParser.SseEvent("message", "d", "", -1));
    }

    @Test
    void acceptsCrLfAndLoneCrLineEndings() {
        List<SseParser.SseEvent> events = parseWhole(utf8("data: a\r\n\r\ndata: b\r\rdata: c\n\n"));

        assertThat(events).extracting(SseParser.SseEvent::data).containsExactly("a", "b", "c");
    }

    @Test
    void everySplitPointGivesTheSameEvents() {
        String text = "\uFEFFevent: response.output_text.delta\r\ndata: {\"delta\":\"h\u00e9llo \u4e16\u754c \uD83D\uDE00\"}"
                + "\r\n\r\n: ping\r\nid: 42\rdata: second\r\n\r\ndata: x\n\n";
        byte[] input = utf8(text);
        List<SseParser.SseEvent> expected = parseWhole(input);
        assertThat(expected).hasSize(3);
        assertThat(expected.getFirst().data()).isEqualTo("{\"delta\":\"h\u00e9llo \u4e16\u754c \uD83D\uDE00\"}");
        assertThat(expected.getFirst().event()).isEqualTo("response.output_text.delta");

        for (int i = 0; i <= input.length; i++) {
            for (int j = i; j <= input.length; j += 7) {
                assertThat(parseSplit(input, i, j)).as("cuts at %d and %d", i, j).isEqualTo(expected);
            }
        }
    }

    @Test
    void byteByByteFeedingGivesTheSameEvents() {
        byte[] input = utf8("data: \u00fcber\r\n\r\ndata: \uD83D\uDE80 rocket\n\n");
        List<SseParser.SseEvent> out = new ArrayList<>();
        SseParser p = new SseParser(out::add);
        for (byte b : input) {
            p.feed(new byte[] {b}, 0, 1);
        }

        assertThat(out).extracting(SseParser.SseEvent::data).containsExactly("\u00fcber", "\uD83D\uDE80 rocket");
    }

    @Test
    void anUnterminatedEventAtEndOfStreamIsDiscarded() {
        assertThat(parseWhole(utf8("data: complete\n\ndata: partial"))).extracting(SseParser.SseEvent::data)
                .containsExactly("complete");
    }

    @Test
    void idWithNulIsIgnoredAndNonNumericRetryToo() {
        List<SseParser.SseEvent> events = parseWhole(utf8("id: a\u0000b\nretry: 10x\ndata: d\n\n"));

        assertThat(events).containsExactly(new SseParser.SseEvent("message", "d", "", -1));
    }

    @Test
    void handlesLinesLongerThanTheInitialBuffer() {
        String big = "x".repeat(100_000);
        byte[] input = utf8("data: " + big + "\n\n");

        assertThat(parseSplit(input, 10, 5000, 99_000)).extracting(SseParser.SseEvent::data).containsExactly(big);
    }
}
