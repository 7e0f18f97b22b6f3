package dev.jcodex.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TempCodexHomeTest {

    @Test
    void createsWritesAndDeletesEverything() {
        Path dir;
        try (TempCodexHome home = TempCodexHome.create()) {
            dir = home.path();
            assertThat(dir).isEmptyDirectory();
            home.writeConfig("model = \"gpt-5.5\"\n");
            home.writeFile("sessions/2026/01/01/rollout.jsonl", "{}\n");
            assertThat(home.readFile("config.toml")).isEqualTo("model = \"gpt-5.5\"\n");
            assertThat(home.resolve("sessions/2026/01/01/rollout.jsonl")).exists();
            assertThat(home.env()).containsEntry("CODEX_HOME", dir.toString());
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void closeDoesNotFollowSymlinksOutOfTheHome() throws Exception {
        Path outside = Files.createTempDirectory("jcodex-outside-");
        Path keep = Files.writeString(outside.resolve("keep.txt"), "keep");
        try (TempCodexHome home = TempCodexHome.create()) {
            Files.createSymbolicLink(home.resolve("link"), outside);
        }
        assertThat(keep).exists();
        Files.delete(keep);
        Files.delete(outside);
    }
}
