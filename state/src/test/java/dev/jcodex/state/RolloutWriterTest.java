package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutWriterTest {
    @TempDir
    Path home;

    @Test
    void newRolloutLivesInADatedFolderNamedByLocalCreationTime() {
        SessionMeta meta = Fixtures.meta(Fixtures.THREAD_ID);
        try (RolloutWriter w = RolloutWriter.create(home, meta, RolloutWriter.FileCreation.EAGER)) {
            LocalDateTime local = LocalDateTime.ofInstant(Instant.parse(meta.timestamp()), ZoneId.systemDefault());
            Path expected = home.resolve(String.format("sessions/%04d/%02d/%02d/rollout-%s-%s.jsonl",
                    local.getYear(), local.getMonthValue(), local.getDayOfMonth(),
                    local.toString().substring(0, 19).replace(':', '-'), Fixtures.THREAD_ID));
            assertThat(w.path()).isEqualTo(expected);
            assertThat(Files.exists(expected)).isTrue();
        }
        assertThat(RolloutPaths.newRolloutPath(home, Fixtures.THREAD_ID, Instant.parse("2026-11-21T17:12:29.608Z"),
                ZoneOffset.UTC)).isEqualTo(home.resolve(
                "sessions/2026/11/21/rollout-2026-11-21T17-12-29-01a1ff18-5e73-71e1-99f3-779a929957d0.jsonl"));
    }

    @Test
    void filesAreOwnerOnlyAndStartWithTheSessionMeta() throws Exception {
        Path path;
        try (RolloutWriter w = RolloutWriter.create(home, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER)) {
            w.append(Fixtures.user("hi"));
            w.flush();
            path = w.path();
        }
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(path.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(home.resolve("sessions")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        List<RolloutLine> lines = RolloutReader.readAll(path);
        assertThat(lines).extracting(RolloutLine::ordinal).containsExactly(0L, 1L);
        assertThat(lines).extracting(RolloutLine::item)
                .containsExactly(Fixtures.meta(Fixtures.THREAD_ID), Fixtures.user("hi"));
    }

    @Test
    void flushMakesEverythingAppendedSoFarVisibleToReaders() throws Exception {
        try (RolloutWriter w = RolloutWriter.create(home, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER)) {
            for (int i = 0; i < 500; i++) {
                w.append(Fixtures.user("m" + i));
            }
            w.flush();
            assertThat(RolloutReader.readAll(w.path())).hasSize(501);
            w.append(Fixtures.assistant("done"));
            w.sync();
            assertThat(RolloutReader.readAll(w.path()).getLast().item()).isEqualTo(Fixtures.assistant("done"));
        }
    }

    @Test
    void lazyFileAppearsAtFirstFlushAndNeverIfTheSessionHadNoInput() throws Exception {
        SessionMeta meta = Fixtures.meta(Fixtures.THREAD_ID);
        Path path;
        try (RolloutWriter w = RolloutWriter.create(home, meta, RolloutWriter.FileCreation.ON_FIRST_FLUSH)) {
            w.append(Fixtures.environment());
            path = w.path();
        }
        assertThat(path).doesNotExist();
        assertThat(home.resolve("sessions")).doesNotExist();

        try (RolloutWriter w = RolloutWriter.create(home, meta, RolloutWriter.FileCreation.ON_FIRST_FLUSH)) {
            w.append(Fixtures.user("first input"));
            assertThat(w.path()).doesNotExist();
            w.flush();
            assertThat(RolloutReader.readAll(w.path())).extracting(RolloutLine::item)
                    .containsExactly(meta, Fixtures.user("first input"));
        }
    }

    @Test
    void resumeAppendsWithContinuingOrdinalsAndStartsAFreshLineAfterATornTail() throws Exception {
        Path path;
        try (RolloutWriter w = RolloutWriter.create(home, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER)) {
            w.append(Fixtures.user("one"));
            path = w.path();
        }
        Files.writeString(path, "{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"ordinal\":2,\"type\":\"resp",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try (RolloutWriter w = RolloutWriter.resume(path)) {
            w.append(Fixtures.user("two"));
        }
        List<RolloutLine> lines = RolloutReader.readAll(path);
        assertThat(lines).extracting(RolloutLine::ordinal).containsExactly(0L, 1L, 2L);
        assertThat(lines.getLast().item()).isEqualTo(Fixtures.user("two"));
        assertThatThrownBy(() -> RolloutWriter.resume(home.resolve("missing.jsonl")))
                .isInstanceOf(StateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void resumingAnOlderFormatFileNumbersNewLinesAfterTheExistingOnes() throws Exception {
        Path path = home.resolve("old.jsonl");
        Files.writeString(path, "{\"timestamp\":\"2025-01-01T00:00:00.000Z\",\"type\":\"session_meta\","
                + "\"payload\":{\"id\":\"" + Fixtures.THREAD_ID + "\"}}\n"
                + "{\"timestamp\":\"2025-01-01T00:00:01.000Z\",\"type\":\"compacted\",\"payload\":{\"message\":\"s\"}}\n");
        try (RolloutWriter w = RolloutWriter.resume(path)) {
            w.append(Fixtures.user("new"));
        }
        assertThat(RolloutReader.readAll(path)).extracting(RolloutLine::ordinal).containsExactly(null, null, 2L);
    }

    @Test
    void concurrentAppendersThroughATinyQueueLoseNothingAndKeepOrdinalOrder() throws Exception {
        Path path = home.resolve("r.jsonl");
        try (RolloutWriter w = RolloutWriter.create(path, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER, Clock.systemUTC(), 4)) {
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    pool.submit(() -> {
                        for (int i = 0; i < 250; i++) {
                            w.append(Fixtures.user(thread + ":" + i));
                        }
                    });
                }
            }
            w.flush();
        }
        List<RolloutLine> lines = RolloutReader.readAll(path);
        assertThat(lines).hasSize(1001);
        List<Long> ordinals = new ArrayList<>();
        lines.forEach(l -> ordinals.add(l.ordinal()));
        assertThat(ordinals).isSorted().doesNotHaveDuplicates();
        for (int t = 0; t < 4; t++) {
            String prefix = t + ":";
            List<String> mine = lines.stream().map(RolloutLine::item)
                    .filter(i -> i instanceof RolloutItem.Response r
                            && HistoryRules.messageText((dev.jcodex.protocol.ResponseItem.Message) r.item())
                                    .startsWith(prefix))
                    .map(i -> HistoryRules.messageText((dev.jcodex.protocol.ResponseItem.Message)
                            ((RolloutItem.Response) i).item()))
                    .toList();
            assertThat(mine).hasSize(250);
            assertThat(mine.getFirst()).isEqualTo(prefix + 0);
            assertThat(mine.getLast()).isEqualTo(prefix + 249);
        }
    }

    @Test
    void aFullDiskIsReportedOncePreciselyAndTheSessionKeepsRunning() {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull) && Files.isWritable(devFull), "needs /dev/full");
        try (RolloutWriter w = RolloutWriter.resume(devFull)) {
            w.append(Fixtures.user("lost"));
            assertThatThrownBy(w::flush)
                    .isInstanceOfSatisfying(RolloutWriteException.class, e -> {
                        assertThat(e.diskFull()).isTrue();
                        assertThat(e.path()).isEqualTo(devFull);
                        assertThat(e).hasMessage("cannot write rollout file /dev/full: the disk is full "
                                + "(No space left on device); the session continues but is no longer recorded");
                    });
            w.append(Fixtures.user("dropped quietly"));
            w.flush();
            w.sync();
            assertThat(w.failure()).isPresent();
        }
    }

    @Test
    void aFailureNotYetReportedSurfacesFromClose() {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull) && Files.isWritable(devFull), "needs /dev/full");
        RolloutWriter w = RolloutWriter.resume(devFull);
        w.append(Fixtures.user("lost"));
        assertThatThrownBy(w::close).isInstanceOf(RolloutWriteException.class);
        w.close();
    }

    @Test
    void aRolloutThatCannotBeCreatedIsReportedOnceAndTheWriterStaysUsable() throws Exception {
        Path blocker = home.resolve("sessions");
        Files.writeString(blocker, "a file where the sessions folder should be");
        RolloutWriter w = RolloutWriter.create(home, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER);
        assertThat(w.failure()).hasValueSatisfying(e -> {
            assertThat(e.diskFull()).isFalse();
            assertThat(e.getMessage()).startsWith("cannot create rollout file " + w.path() + ": ");
        });
        w.append(Fixtures.user("not recorded"));
        assertThatThrownBy(w::sync).isInstanceOf(RolloutWriteException.class);
        w.flush();
        w.close();
    }

    @Test
    void appendingAfterCloseIsAnError() {
        RolloutWriter w = RolloutWriter.create(home, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER);
        w.close();
        assertThatThrownBy(() -> w.append(Fixtures.user("late"))).isInstanceOf(IllegalStateException.class);
    }
}
