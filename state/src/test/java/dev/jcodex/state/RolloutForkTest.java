package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.ProtocolJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RolloutForkTest {
    private static final String FORK_ID = "01a1ff18-0000-7000-8000-000000000001";

    @TempDir
    Path home;

    private Path write(List<RolloutItem> items) {
        Path path = home.resolve("source.jsonl");
        try (RolloutWriter w = RolloutWriter.create(path, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER, Clock.systemUTC(), 64)) {
            items.forEach(w::append);
        }
        return path;
    }

    private static List<RolloutItem> threeTurns() {
        List<RolloutItem> items = new ArrayList<>();
        items.add(Fixtures.environment());
        items.addAll(Fixtures.turn("t1", "u1", "a1"));
        items.addAll(Fixtures.turn("t2", "u2", "a2"));
        items.addAll(Fixtures.turn("t3", "u3", "a3"));
        return items;
    }

    @Test
    void aForkStartsWithANewSessionMetaAndCopiesTheHistory() throws Exception {
        Path source = write(threeTurns());
        RolloutFork.Result fork = RolloutFork.fork(home, source, FORK_ID);

        assertThat(fork.rolloutPath()).startsWith(home.resolve("sessions"));
        assertThat(fork.rolloutPath().getFileName().toString()).endsWith("-" + FORK_ID + ".jsonl");
        assertThat(Files.getPosixFilePermissions(fork.rolloutPath()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(fork.sessionMeta().id()).isEqualTo(FORK_ID);
        assertThat(fork.sessionMeta().forkedFromId()).isEqualTo(Fixtures.THREAD_ID);
        assertThat(fork.sessionMeta().baseInstructions()).isEqualTo(Fixtures.meta("x").baseInstructions());
        assertThat(fork.copiedLines()).isEqualTo(threeTurns().size());

        List<RolloutLine> lines = RolloutReader.readAll(fork.rolloutPath());
        assertThat(lines.getFirst().item()).isEqualTo(fork.sessionMeta());
        assertThat(lines).extracting(RolloutLine::ordinal).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, lines.size()).boxed().toList());
        assertThat(HistoryReconstruction.rebuild(fork.rolloutPath()).history())
                .isEqualTo(HistoryReconstruction.rebuild(source).history());
    }

    @Test
    void droppingTheLastTurnsCutsAtTheirTaskStarted() throws Exception {
        Path source = write(threeTurns());
        RolloutFork.Result fork = RolloutFork.fork(home, source, FORK_ID, 2);
        List<RolloutItem> items = RolloutReader.readAll(fork.rolloutPath()).stream().map(RolloutLine::item).toList();
        List<RolloutItem> expected = new ArrayList<>();
        expected.add(fork.sessionMeta());
        expected.add(Fixtures.environment());
        expected.addAll(Fixtures.turn("t1", "u1", "a1"));
        assertThat(items).isEqualTo(expected);

        RolloutFork.Result all = RolloutFork.fork(home, source, "01a1ff18-0000-7000-8000-000000000002", 10);
        assertThat(HistoryReconstruction.rebuild(all.rolloutPath()).history())
                .containsExactly(Fixtures.environment().item());
    }

    @Test
    void rolledBackTurnsDoNotCountWhenDropping() throws Exception {
        List<RolloutItem> items = threeTurns();
        items.add(Fixtures.rolledBack(1)); // t3 is gone
        Path source = write(items);
        RolloutFork.Result fork = RolloutFork.fork(home, source, FORK_ID, 1); // drops t2
        assertThat(HistoryReconstruction.rebuild(fork.rolloutPath()).history()).containsExactly(
                Fixtures.environment().item(), Fixtures.user("u1").item(), Fixtures.assistant("a1").item());
    }

    @Test
    void forkingMidTurnRecordsAnInterruption() throws Exception {
        List<RolloutItem> items = new ArrayList<>(Fixtures.turn("t1", "u1", "a1"));
        items.addAll(List.of(Fixtures.taskStarted("t2"), Fixtures.user("u2"), Fixtures.call("c1")));
        RolloutFork.Result fork = RolloutFork.fork(home, write(items), FORK_ID);
        RolloutLine last = RolloutReader.readAll(fork.rolloutPath()).getLast();
        assertThat(((RolloutItem.Event) last.item()).payload())
                .isEqualTo(ProtocolJson.tree("{\"type\":\"turn_aborted\",\"turn_id\":\"t2\",\"reason\":\"interrupted\"}"));
    }

    @Test
    void referenceRolloutsForkWithTheirUnknownLinesAndMembersIntact() throws Exception {
        Path source = home.resolve("ref.jsonl");
        String text = Fixtures.resource("/rollouts/b_shell_echo.jsonl");
        Files.writeString(source, text);
        RolloutFork.Result fork = RolloutFork.fork(home, source, FORK_ID);

        List<String> src = text.lines().toList();
        List<String> out = Files.readAllLines(fork.rolloutPath());
        assertThat(out).hasSize(src.size());
        JsonNode meta = ProtocolJson.tree(out.getFirst()).get("payload");
        assertThat(meta.get("id").asString()).isEqualTo(FORK_ID);
        assertThat(meta.get("session_id").asString()).isEqualTo(FORK_ID);
        assertThat(meta.get("forked_from_id").asString()).isEqualTo("01a1ff18-5e73-71e1-99f3-779a929957d0");
        assertThat(meta.get("account_scoped").asBoolean()).isTrue();
        for (int i = 1; i < src.size(); i++) {
            JsonNode expected = ProtocolJson.tree(src.get(i));
            JsonNode actual = ProtocolJson.tree(out.get(i));
            assertThat(actual).isEqualTo(expected); // ordinals line up because the meta was line 0 there too
        }
    }

    @Test
    void aSourceWithoutSessionMetaCannotBeForked() throws Exception {
        Path source = home.resolve("bare.jsonl");
        Files.writeString(source, RolloutCodec.encode(RolloutLine.of(java.time.Instant.now(), 0,
                Fixtures.user("x"))) + "\n");
        assertThatThrownBy(() -> RolloutFork.fork(home, source, FORK_ID))
                .isInstanceOf(StateException.class).hasMessageContaining("no session_meta");
    }
}
