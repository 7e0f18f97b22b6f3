package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ResponseItem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL mid-stream loses nothing it flushed, and the file still reads and resumes. */
class KillSafetyTest {
    @TempDir
    Path dir;

    @Test
    void everyFlushedItemSurvivesKillDashNine() throws Exception {
        Path path = dir.resolve("rollout.jsonl");
        Process child = ChildJvm.start(RolloutChildWriter.class, path.toString());
        long lastFlushed = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lastFlushed = Long.parseLong(line.substring("flushed ".length()));
                if (lastFlushed >= 2000) {
                    break;
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux, while the child keeps appending
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastFlushed).isGreaterThanOrEqualTo(2000);

        List<RolloutLine> lines;
        long skipped;
        try (RolloutReader reader = RolloutReader.open(path)) {
            lines = new java.util.ArrayList<>();
            for (var l = reader.next(); l.isPresent(); l = reader.next()) {
                lines.add(l.get());
            }
            skipped = reader.skippedLines();
        }
        assertThat(skipped).isLessThanOrEqualTo(1); // at most the torn last line
        assertThat(lines.getFirst().item()).isInstanceOf(SessionMeta.class);
        assertThat(lines.size() - 1L).isGreaterThanOrEqualTo(lastFlushed);
        for (int n = 1; n <= lastFlushed; n++) {
            RolloutLine l = lines.get(n);
            assertThat(l.ordinal()).isEqualTo(n);
            String text = ((ResponseItem.Message) ((RolloutItem.Response) l.item()).item()).joinedText();
            assertThat(text).startsWith("item " + n + " ");
        }

        try (RolloutWriter resumed = RolloutWriter.resume(path)) {
            resumed.append(Fixtures.assistant("after the crash"));
        }
        ReconstructedThread thread = HistoryReconstruction.rebuild(path);
        assertThat(thread.history().getLast()).isEqualTo(Fixtures.assistant("after the crash").item());
        assertThat(thread.history()).hasSize(lines.size());
    }
}
