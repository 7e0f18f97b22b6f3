package dev.jcodex.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexHomeTest {

    @TempDir
    Path tmp;

    @Test
    void usesCodexHomeWhenSetAndCanonicalisesIt() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);

        assertThat(CodexHome.resolve(Map.of("CODEX_HOME", link.toString(), "HOME", "/nowhere")))
                .isEqualTo(real.toRealPath());
    }

    @Test
    void fallsBackToDotCodexUnderHomeWhichNeedNotExist() {
        assertThat(CodexHome.resolve(Map.of("HOME", tmp.toString())))
                .isEqualTo(tmp.toAbsolutePath().resolve(".codex"));
    }

    @Test
    void emptyCodexHomeCountsAsUnset() {
        assertThat(CodexHome.resolve(Map.of("CODEX_HOME", "", "HOME", tmp.toString())))
                .isEqualTo(tmp.toAbsolutePath().resolve(".codex"));
    }

    @Test
    void missingCodexHomeIsAnError() {
        Path missing = tmp.resolve("missing");

        assertThatThrownBy(() -> CodexHome.resolve(Map.of("CODEX_HOME", missing.toString())))
                .isInstanceOf(CodexHome.InvalidCodexHomeException.class)
                .hasMessage("CODEX_HOME points to \"" + missing + "\", but that path does not exist");
    }

    @Test
    void codexHomeThatIsAFileIsAnError() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        assertThatThrownBy(() -> CodexHome.resolve(Map.of("CODEX_HOME", file.toString())))
                .isInstanceOf(CodexHome.InvalidCodexHomeException.class)
                .hasMessage("CODEX_HOME points to \"" + file + "\", but that path is not a directory");
    }
}
