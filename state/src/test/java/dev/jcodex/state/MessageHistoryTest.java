package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ProtocolJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageHistoryTest {
    private static final HistorySettings SAVE_ALL = HistorySettings.defaults();

    @TempDir
    Path home;

    @Test
    void appendsOneOwnerOnlyLinePerMessageAndLooksThemUp() throws Exception {
        MessageHistory.append(home, new HistoryEntry("s1", 1700000000L, "first \"quoted\"\nline"), SAVE_ALL);
        MessageHistory.append(home, new HistoryEntry("s1", 1700000001L, "second"), SAVE_ALL);
        Path file = home.resolve("history.jsonl");
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"session_id\":\"s1\",\"ts\":1700000000,\"text\":\"first \\\"quoted\\\"\\nline\"}",
                "{\"session_id\":\"s1\",\"ts\":1700000001,\"text\":\"second\"}");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        HistoryMetadata meta = MessageHistory.metadata(home);
        assertThat(meta.entryCount()).isEqualTo(2);
        assertThat(meta.logId()).isEqualTo(Files.getAttribute(file, "unix:ino"));
        assertThat(MessageHistory.lookup(home, meta.logId(), 1))
                .contains(new HistoryEntry("s1", 1700000001L, "second"));
        assertThat(MessageHistory.lookup(home, meta.logId(), 2)).isEmpty();
        assertThat(MessageHistory.lookup(home, meta.logId() + 1, 0)).isEmpty();
    }

    @Test
    void permissionsAreReEnforcedAndOldFilesRead() throws Exception {
        Path file = home.resolve("history.jsonl");
        Files.writeString(file, "{\"conversation_id\":\"old\",\"ts\":1,\"text\":\"legacy\"}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        MessageHistory.append(home, "s2", "new", SAVE_ALL);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        HistoryMetadata meta = MessageHistory.metadata(home);
        assertThat(MessageHistory.lookup(home, meta.logId(), 0)).contains(new HistoryEntry("old", 1, "legacy"));
    }

    @Test
    void persistenceNoneWritesNothing() throws Exception {
        MessageHistory.append(home, "s", "secret plan",
                new HistorySettings(HistorySettings.HistoryPersistence.NONE, null));
        assertThat(home.resolve("history.jsonl")).doesNotExist();
        assertThat(MessageHistory.metadata(home)).isEqualTo(new HistoryMetadata(0, 0));
    }

    @Test
    void maxBytesDropsTheOldestEntriesDownToEightyPercent() throws Exception {
        HistorySettings capped = new HistorySettings(HistorySettings.HistoryPersistence.SAVE_ALL, 1000L);
        for (int i = 0; i < 40; i++) {
            MessageHistory.append(home, new HistoryEntry("s", i, "entry-" + i + "-" + "x".repeat(20)), capped);
        }
        Path file = home.resolve("history.jsonl");
        assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
        List<String> lines = Files.readAllLines(file);
        List<Long> ts = lines.stream().map(l -> ProtocolJson.read(l, HistoryEntry.class).ts()).toList();
        assertThat(ts).isSorted().endsWith(39L);
        assertThat(ts.getFirst()).isGreaterThan(0L);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(home.resolve("history.jsonl.trim")).doesNotExist();

        MessageHistory.append(home, new HistoryEntry("s", 99, "y".repeat(5000)), capped);
        assertThat(Files.readAllLines(file)).hasSize(1).first().asString().contains("\"ts\":99");
    }

    @Test
    void twoProcessesAppendingConcurrentlyNeitherTearNorLoseLines() throws Exception {
        int count = 300;
        Process a = ChildJvm.start(HistoryChildAppender.class, home.toString(), "A", String.valueOf(count), "none");
        Process b = ChildJvm.start(HistoryChildAppender.class, home.toString(), "B", String.valueOf(count), "none");
        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();

        Map<String, List<Integer>> seen = entriesByTag(home.resolve("history.jsonl"));
        assertThat(seen.get("A")).containsExactlyElementsOf(range(count));
        assertThat(seen.get("B")).containsExactlyElementsOf(range(count));
    }

    @Test
    void twoProcessesTrimmingConcurrentlyKeepWholeOrderedLinesWithinTheCap() throws Exception {
        long cap = 200_000;
        Process a = ChildJvm.start(HistoryChildAppender.class, home.toString(), "A", "200", String.valueOf(cap));
        Process b = ChildJvm.start(HistoryChildAppender.class, home.toString(), "B", "200", String.valueOf(cap));
        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();

        Path file = home.resolve("history.jsonl");
        assertThat(Files.size(file)).isLessThanOrEqualTo(cap);
        Map<String, List<Integer>> seen = entriesByTag(file);
        for (List<Integer> indexes : seen.values()) {
            assertThat(indexes).isSorted().doesNotHaveDuplicates();
        }
        int newest = seen.values().stream().mapToInt(List::getLast).max().orElseThrow();
        assertThat(newest).isEqualTo(199);
    }

    /** Parses every line (failing on a torn one) and groups entry indexes by writer tag. */
    private static Map<String, List<Integer>> entriesByTag(Path file) throws Exception {
        Map<String, List<Integer>> seen = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            HistoryEntry e = ProtocolJson.read(line, HistoryEntry.class);
            String[] parts = e.text().split(":", 3);
            assertThat(parts[2]).isEqualTo(parts[0].repeat(6000));
            assertThat(e.sessionId()).isEqualTo("session-" + parts[0]);
            seen.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        return seen;
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
