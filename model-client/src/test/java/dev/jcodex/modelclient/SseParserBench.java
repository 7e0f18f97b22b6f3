package dev.jcodex.modelclient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Throughput of the SSE parser (and of parser + Responses decoding) on 50 MiB of generated
 * {@code response.output_text.delta} events fed in 16 KiB chunks, as an HTTP body arrives. Prints the median of 9
 * timed runs after 3 warm-up runs. Not a unit test: run it as a main class, e.g.
 * {@code java -cp target/classes:target/test-classes:<deps> dev.jcodex.modelclient.SseParserBench}.
 */
public final class SseParserBench {
    private static final int TOTAL_BYTES = 50 * 1024 * 1024;
    private static final int CHUNK = 16 * 1024;
    private static final int WARMUP = 3;
    private static final int RUNS = 9;

    private SseParserBench() {}

    public static void main(String[] args) {
        byte[] input = generate();
        System.out.printf("input: %.1f MiB of SSE, %d-byte chunks%n", input.length / 1048576.0, CHUNK);
        report("SSE parser only", input, SseParserBench::parseOnly);
        report("SSE parser + Responses decoding", input, SseParserBench::parseAndDecode);
    }

    private static byte[] generate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(TOTAL_BYTES + 4096);
        String[] deltas = {"Hello", " world, ", "caf\u00e9 ", "\u4e16\u754c", " \uD83D\uDE00", "fn main() {}\\n",
            "let x = 42;", " the quick brown fox"};
        int i = 0;
        while (out.size() < TOTAL_BYTES) {
            String delta = deltas[i++ % deltas.length];
            String frame = "event: response.output_text.delta\r\ndata: {\"type\":\"response.output_text.delta\","
                    + "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + delta + "\"}\r\n\r\n";
            if (i % 50 == 0) {
                frame = ": keep-alive\n\n" + frame;
            }
            out.writeBytes(frame.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static long parseOnly(byte[] input) {
        long[] count = new long[1];
        SseParser parser = new SseParser(e -> count[0] += e.data().length());
        feed(parser, input);
        return count[0];
    }

    private static long parseAndDecode(byte[] input) {
        long[] count = new long[1];
        ResponsesDecoder decoder = new ResponsesDecoder();
        StreamDecoder.EventSink sink = new StreamDecoder.EventSink() {
            @Override
            public void emit(ResponseEvent event) {
                count[0]++;
            }

            @Override
            public void fail(ModelClientException error) {
                throw error;
            }
        };
        SseParser parser = new SseParser(e -> decoder.onEvent(e, sink));
        feed(parser, input);
        return count[0];
    }

    private static void feed(SseParser parser, byte[] input) {
        for (int off = 0; off < input.length; off += CHUNK) {
            parser.feed(input, off, Math.min(CHUNK, input.length - off));
        }
        parser.finish();
    }

    private static void report(String name, byte[] input, java.util.function.ToLongFunction<byte[]> work) {
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += work.applyAsLong(input);
        }
        double[] mibPerSecond = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            sink += work.applyAsLong(input);
            long elapsed = System.nanoTime() - t0;
            mibPerSecond[i] = (input.length / 1048576.0) / (elapsed / 1e9);
        }
        Arrays.sort(mibPerSecond);
        System.out.printf("%-34s median %7.1f MiB/s (min %.1f, max %.1f) [checksum %d]%n", name,
                mibPerSecond[RUNS / 2], mibPerSecond[0], mibPerSecond[RUNS - 1], sink);
    }
}
