package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ThreadIndex#locate}: rollouts the healthy index does not know (written by the reference, or copied in)
 * are found by file name and indexed; moved files are followed; unknown ids stay empty.
 */
class ThreadIndexLocateTest {
    @TempDir
    Path home;

    private static String id(int n) {
        return String.format("01a1ff18-0000-7000-8000-%012d", n);
    }

    private Path rollout(String id, String prompt) {
        SessionMeta meta = SessionMeta.of(id, "2026-04-24T10:00:00.000Z", "/work/p",
                new SessionMeta.Identity("codex_exec", "0.1.0", "openai"), "exec");
        try (RolloutWriter w = RolloutWriter.create(home, meta, RolloutWriter.FileCreation.EAGER)) {
            for (RolloutItem item : Fixtures.turn("t1", prompt, "ok")) {
                w.append(item);
            }
            return w.path();
        }
    }

    @Test
    void aRolloutAddedBehindTheBuiltIndexIsFoundByNameAndIndexed() {
        rollout(id(1), "indexed at rebuild");
        try (ThreadIndex index = ThreadIndex.open(home)) {
            assertThat(index.find(id(1))).isPresent(); // first use rebuilt the index from the one rollout
            Path added = rollout(id(2), "copied in later");
            assertThat(index.find(id(2))).isEmpty();

            ThreadRecord located = index.locate(id(2)).orElseThrow();

            assertThat(located.rolloutPath()).isEqualTo(added);
            assertThat(located.cwd()).isEqualTo("/work/p");
            assertThat(located.firstUserMessage()).isEqualTo("copied in later");
            assertThat(index.find(id(2))).contains(located);
            assertThat(index.locate(id(2).toUpperCase(java.util.Locale.ROOT))).contains(located);
        }
    }

    @Test
    void aKnownThreadWhoseFileMovedIsFollowedAndAnUnknownIdIsEmpty() throws Exception {
        Path original = rollout(id(3), "moved");
        try (ThreadIndex index = ThreadIndex.open(home)) {
            assertThat(index.locate(id(3)).orElseThrow().rolloutPath()).isEqualTo(original);
            Path moved = Files.createDirectories(home.resolve("sessions/2020/01/01")).resolve(original.getFileName());
            Files.move(original, moved);

            assertThat(index.locate(id(3)).orElseThrow().rolloutPath()).isEqualTo(moved);
            assertThat(index.find(id(3)).orElseThrow().rolloutPath()).isEqualTo(moved);
            assertThat(index.locate(id(4))).isEmpty();
            Files.delete(moved);
            assertThat(index.locate(id(3))).isEmpty();
        }
    }

    @Test
    void aFileWhoseNameCarriesTheIdButWhoseMetaDoesNotIsIgnored() throws Exception {
        Path real = rollout(id(5), "someone else");
        try (ThreadIndex index = ThreadIndex.open(home)) {
            index.find(id(5));
            Path misnamed = real.resolveSibling(real.getFileName().toString().replace(id(5), id(6)));
            Files.copy(real, misnamed);
            assertThat(index.locate(id(6))).isEmpty();
            assertThat(index.find(id(5)).orElseThrow().rolloutPath()).isEqualTo(real);
        }
    }
}
