package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadIndexTest {
    private static final Instant T0 = Instant.parse("2026-04-24T10:00:00Z");

    @TempDir
    Path home;

    private static String id(int n) {
        return String.format("01a1ff18-0000-7000-8000-%012d", n);
    }

    private ThreadRecord record(int n, String cwd, String provider, String source) {
        Instant t = T0.plusSeconds(n);
        return new ThreadRecord(id(n), home.resolve("sessions/r" + n + ".jsonl"), cwd, null, "prompt " + n,
                "gpt-5.5", provider, source, "0.1.0", null, null, null, null, t, t, null);
    }

    /** Writes a real rollout with one turn and returns its path. */
    private Path rollout(String id, String prompt, String model) {
        SessionMeta meta = SessionMeta.of(id, "2026-04-24T10:00:00.000Z", "/work/p",
                new SessionMeta.Identity("codex_exec", "0.1.0", "openai"), "exec");
        try (RolloutWriter w = RolloutWriter.create(home, meta, RolloutWriter.FileCreation.EAGER)) {
            w.append(Fixtures.taskStarted("t1"));
            w.append(Fixtures.environment());
            w.append(Fixtures.context("t1", model));
            w.append(Fixtures.user(prompt));
            w.append(Fixtures.assistant("ok"));
            return w.path();
        }
    }

    @Test
    void openingTouchesNothingUntilFirstUse() {
        try (ThreadIndex index = ThreadIndex.open(home)) {
            assertThat(index.databasePath()).isEqualTo(home.resolve("jcodex_state_1.sqlite"));
            assertThat(index.databasePath()).doesNotExist();
            assertThat(index.find(id(1))).isEmpty();
            assertThat(index.databasePath()).exists();
        }
    }

    @Test
    void upsertKeepsCreationTimeFirstMessageAndTitleAndNeverMovesUpdatedBackwards() throws Exception {
        try (ThreadIndex index = ThreadIndex.open(home)) {
            ThreadRecord started = record(1, "/p", "openai", "cli");
            index.upsert(started);
            assertThat(index.find(id(1))).contains(started);
            index.setTitle(id(1), "my thread");

            ThreadRecord later = new ThreadRecord(id(1), started.rolloutPath(), "/p", null, "another prompt",
                    "gpt-6", "openai", "cli", null, null, null, null, null, T0.plusSeconds(999),
                    T0.plusSeconds(500), null);
            index.upsert(later);
            ThreadRecord stored = index.find(id(1)).orElseThrow();
            assertThat(stored).isEqualTo(new ThreadRecord(id(1), started.rolloutPath(), "/p", "my thread",
                    "prompt 1", "gpt-6", "openai", "cli", "0.1.0", null, null, null, null, started.createdAt(),
                    T0.plusSeconds(500), null));
            index.upsert(stored.afterTurn(T0, "gpt-7", null));
            assertThat(index.find(id(1)).orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(500));
        }
    }

    @Test
    void listPagesNewestFirstWithoutGapsOrDuplicates() {
        try (ThreadIndex index = ThreadIndex.open(home)) {
            for (int n = 1; n <= 25; n++) {
                index.upsert(record(n, "/p", "openai", "cli"));
            }
            // Two threads updated in the same millisecond still page deterministically (by id).
            index.upsert(record(26, "/p", "openai", "cli").afterTurn(T0.plusSeconds(25), null, null));
            List<String> ids = new ArrayList<>();
            ThreadFilter filter = ThreadFilter.firstPage(10);
            int pages = 0;
            while (true) {
                ThreadPage page = index.list(filter);
                pages++;
                page.threads().forEach(t -> ids.add(t.id()));
                if (page.next().isEmpty()) {
                    break;
                }
                filter = filter.withCursor(page.nextCursor());
            }
            assertThat(pages).isEqualTo(3);
            assertThat(ids).hasSize(26).doesNotHaveDuplicates();
            assertThat(ids.getFirst()).isEqualTo(id(26));
            assertThat(ids.subList(1, 26)).isEqualTo(
                    java.util.stream.IntStream.iterate(25, i -> i - 1).limit(25).mapToObj(ThreadIndexTest::id).toList());
            assertThatThrownBy(() -> index.list(ThreadFilter.firstPage(5).withCursor("%%%")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void filtersByCwdProviderSourceAndArchiveState() throws Exception {
        try (ThreadIndex index = ThreadIndex.open(home)) {
            index.upsert(record(1, "/a", "openai", "cli"));
            index.upsert(record(2, "/a", "ollama", "exec"));
            index.upsert(record(3, "/b", "openai", "vscode"));
            index.upsert(record(4, "/a", "openai", "exec"));
            assertThat(ids(index.list(ThreadFilter.firstPage(50).withCwd("/a")))).containsExactly(id(4), id(2), id(1));
            assertThat(ids(index.list(ThreadFilter.firstPage(50).withModelProvider("openai"))))
                    .containsExactly(id(4), id(3), id(1));
            assertThat(ids(index.list(ThreadFilter.firstPage(50).withSources(Set.of("cli", "vscode")))))
                    .containsExactly(id(3), id(1));
            assertThat(index.findLatest("/a", "openai")).map(ThreadRecord::id).contains(id(4));
            assertThat(index.findLatest("/a", "ollama")).map(ThreadRecord::id).contains(id(2));
            assertThat(index.findLatest("/c", "openai")).isEmpty();
        }
    }

    private static List<String> ids(ThreadPage page) {
        return page.threads().stream().map(ThreadRecord::id).toList();
    }

    @Test
    void archiveMovesTheRolloutAsideAndUnarchiveBringsItBack() throws Exception {
        Path path = rollout(id(7), "hello", "gpt-5.5");
        try (ThreadIndex index = ThreadIndex.open(home)) {
            ThreadRecord live = index.find(id(7)).orElseThrow(); // picked up by the first-use rebuild
            assertThat(live.rolloutPath()).isEqualTo(path);

            ThreadRecord archived = index.archive(id(7));
            assertThat(archived.archived()).isTrue();
            assertThat(archived.rolloutPath()).isEqualTo(home.resolve("archived_sessions").resolve(path.getFileName()));
            assertThat(path).doesNotExist();
            assertThat(archived.rolloutPath()).exists();
            assertThat(index.find(id(7))).contains(archived);
            assertThat(index.list(ThreadFilter.firstPage(10)).threads()).isEmpty();
            assertThat(ids(index.list(ThreadFilter.firstPage(10).withArchived(ThreadFilter.Archived.ARCHIVED))))
                    .containsExactly(id(7));
            assertThat(index.findLatest("/work/p", "openai")).isEmpty();

            ThreadRecord back = index.unarchive(id(7));
            assertThat(back.archived()).isFalse();
            assertThat(back.rolloutPath()).isEqualTo(path);
            assertThat(path).exists();
            assertThat(index.findLatest("/work/p", "openai")).contains(back);
            assertThatThrownBy(() -> index.archive(id(99))).isInstanceOf(StateException.class);
        }
    }

    @Test
    void aMissingDatabaseIsRebuiltFromRolloutsWithTitlesAndArchiveState() throws Exception {
        rollout(id(1), "first prompt", "gpt-5.5");
        rollout(id(2), "second prompt", "o3");
        Path third = rollout(id(3), "third prompt", "gpt-5.5");
        try (ThreadIndex index = ThreadIndex.open(home)) {
            index.setTitle(id(1), "named");
            index.archive(id(3));
        }
        deleteDatabase();
        try (ThreadIndex index = ThreadIndex.open(home)) {
            ThreadRecord one = index.find(id(1)).orElseThrow();
            assertThat(one.title()).isEqualTo("named");
            assertThat(one.firstUserMessage()).isEqualTo("first prompt");
            assertThat(one.model()).isEqualTo("gpt-5.5");
            assertThat(one.cwd()).isEqualTo("/work/p");
            assertThat(one.source()).isEqualTo("exec");
            assertThat(one.createdAt()).isEqualTo(Instant.parse("2026-04-24T10:00:00.000Z"));
            assertThat(one.updatedAt()).isAfter(one.createdAt());
            assertThat(index.find(id(2)).orElseThrow().model()).isEqualTo("o3");
            assertThat(index.find(id(3)).orElseThrow().archived()).isTrue();
            assertThat(index.find(id(3)).orElseThrow().rolloutPath().getFileName()).isEqualTo(third.getFileName());
            assertThat(index.findByTitle("named")).map(ThreadRecord::id).contains(id(1));
            assertThat(index.rebuildFromRollouts()).isEqualTo(3);
        }
    }

    @Test
    void aCorruptDatabaseIsRenamedAsideAndRebuilt() throws Exception {
        rollout(id(1), "prompt", "gpt-5.5");
        try (ThreadIndex index = ThreadIndex.open(home)) {
            assertThat(index.find(id(1))).isPresent();
        }
        deleteDatabase();
        Files.write(home.resolve(ThreadIndex.DB_FILE_NAME), "this is not an sqlite database, just junk bytes"
                .repeat(200).getBytes());
        try (ThreadIndex index = ThreadIndex.open(home)) {
            assertThat(index.find(id(1))).isPresent();
        }
        assertThat(siblings(".corrupt-")).hasSize(1);
    }

    @Test
    void damagedPagesBehindAnIntactHeaderAreDetectedToo() throws Exception {
        try (ThreadIndex index = ThreadIndex.open(home)) {
            for (int n = 1; n <= 300; n++) {
                index.upsert(record(n, "/p", "openai", "cli"));
            }
        }
        Path db = home.resolve(ThreadIndex.DB_FILE_NAME);
        assertThat(home.resolve(ThreadIndex.DB_FILE_NAME + "-wal")).doesNotExist(); // checkpointed on close
        byte[] bytes = Files.readAllBytes(db);
        assertThat(bytes.length).isGreaterThan(16 * 4096);
        java.util.Arrays.fill(bytes, 4096, bytes.length, (byte) 0x5A);
        Files.write(db, bytes);
        try (ThreadIndex index = ThreadIndex.open(home)) {
            assertThat(index.list(ThreadFilter.firstPage(10)).threads()).isEmpty(); // rebuilt from (no) rollouts
        }
        assertThat(siblings(".corrupt-")).hasSize(1);
    }

    @Test
    void aDatabaseWithAnotherSchemaVersionIsSetAsideAndRebuilt() throws Exception {
        rollout(id(1), "prompt", "gpt-5.5");
        try (Connection c = IndexDatabase.connect(home.resolve(ThreadIndex.DB_FILE_NAME));
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE threads (id TEXT)");
            st.execute("PRAGMA user_version = 99");
        }
        try (ThreadIndex index = ThreadIndex.open(home)) {
            assertThat(index.find(id(1)).orElseThrow().firstUserMessage()).isEqualTo("prompt");
        }
        assertThat(siblings(".schema-v99-")).isNotEmpty();
    }

    @Test
    void referenceRolloutsAreIndexed() throws Exception {
        Path dir = Files.createDirectories(home.resolve("sessions/2026/11/21"));
        Files.writeString(dir.resolve("rollout-2026-11-21T17-12-29-01a1ff18-5e73-71e1-99f3-779a929957d0.jsonl"),
                Fixtures.resource("/rollouts/b_shell_echo.jsonl"));
        try (ThreadIndex index = ThreadIndex.open(home)) {
            ThreadRecord r = index.find("01a1ff18-5e73-71e1-99f3-779a929957d0").orElseThrow();
            assertThat(r.cwd()).isEqualTo("$WORKDIR");
            assertThat(r.modelProvider()).isEqualTo("mock");
            assertThat(r.source()).isEqualTo("exec");
            assertThat(r.model()).isEqualTo("gpt-5.5");
            assertThat(r.cliVersion()).isEqualTo("0.169.0");
            assertThat(r.firstUserMessage()).isEqualTo("Run echo hi and tell me what it printed.");
            assertThat(r.gitBranch()).isEqualTo("main");
            assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-11-21T17:12:29.566Z"));
            assertThat(r.updatedAt()).isEqualTo(Instant.parse("2026-11-21T17:12:29.804Z"));
        }
    }

    private void deleteDatabase() throws Exception {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(home.resolve(ThreadIndex.DB_FILE_NAME + suffix));
        }
    }

    private Set<Path> siblings(String marker) throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return new HashSet<>(files.filter(p -> p.getFileName().toString().contains(marker)).toList());
        }
    }
}
