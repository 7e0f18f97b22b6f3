package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutReaderTest {
    private static final Instant T = Instant.parse("2026-04-24T10:00:00.000Z");

    @TempDir
    Path dir;

    private static String line(long ordinal, RolloutItem item) {
        return RolloutCodec.encode(RolloutLine.of(T, ordinal, item)) + "\n";
    }

    @Test
    void aTruncatedLastLineIsSkippedAndEverythingBeforeItRead() throws Exception {
        String full = line(0, Fixtures.meta(Fixtures.THREAD_ID)) + line(1, Fixtures.user("a"))
                + line(2, Fixtures.assistant("b"));
        for (int cut = 1; cut < 40; cut += 7) {
            Path file = dir.resolve("cut" + cut + ".jsonl");
            Files.writeString(file, full.substring(0, full.length() - cut));
            try (RolloutReader reader = RolloutReader.open(file)) {
                assertThat(reader.next().map(RolloutLine::item)).contains(Fixtures.meta(Fixtures.THREAD_ID));
                assertThat(reader.next().map(RolloutLine::item)).contains(Fixtures.user("a"));
                Optional<RolloutLine> third = reader.next();
                // Cutting only the newline leaves a complete last line, which is still read.
                if (cut == 1) {
                    assertThat(third.map(RolloutLine::item)).contains(Fixtures.assistant("b"));
                    assertThat(reader.skippedLines()).isZero();
                } else {
                    assertThat(third).isEmpty();
                    assertThat(reader.skippedLines()).isEqualTo(1);
                }
                assertThat(reader.next()).isEmpty();
            }
        }
    }

    @Test
    void corruptLinesAnywhereAreSkippedAndBlankLinesIgnored() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(line(0, Fixtures.meta(Fixtures.THREAD_ID)).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("garbage that is not json\n\n   \n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'}); // invalid UTF-8
        bytes.writeBytes("{\"timestamp\":\"2026-04-24T10:00:00.000Z\",\"type\":\"event_msg\",\"payload\":{}}\n"
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(line(5, Fixtures.user("still here")).getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("corrupt.jsonl");
        Files.write(file, bytes.toByteArray());

        try (RolloutReader reader = RolloutReader.open(file)) {
            List<RolloutItem> items = new java.util.ArrayList<>();
            for (var l = reader.next(); l.isPresent(); l = reader.next()) {
                items.add(l.get().item());
            }
            assertThat(items.getFirst()).isInstanceOf(SessionMeta.class);
            // The event without a type is kept as an unknown line rather than dropped.
            assertThat(items.get(1)).isInstanceOf(RolloutItem.Unknown.class);
            assertThat(items.get(2)).isEqualTo(Fixtures.user("still here"));
            assertThat(items).hasSize(3);
            assertThat(reader.skippedLines()).isEqualTo(2);
            assertThat(reader.lineNumber()).isEqualTo(7);
        }
        ReconstructedThread thread = HistoryReconstruction.rebuild(file);
        assertThat(thread.history()).containsExactly(Fixtures.user("still here").item());
        assertThat(thread.skippedLines()).isEqualTo(2);
    }

    @Test
    void readsTheSessionMetaFromTheHead() throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, line(0, Fixtures.meta(Fixtures.THREAD_ID)) + line(1, Fixtures.user("x")));
        assertThat(RolloutReader.readSessionMeta(file)).contains(Fixtures.meta(Fixtures.THREAD_ID));
        Path none = dir.resolve("none.jsonl");
        Files.writeString(none, line(0, Fixtures.user("x")));
        assertThat(RolloutReader.readSessionMeta(none)).isEmpty();
    }
}
