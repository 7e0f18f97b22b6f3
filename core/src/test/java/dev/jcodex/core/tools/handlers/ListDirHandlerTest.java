package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListDirHandlerTest {
    @TempDir
    Path dir;

    private final ListDirHandler handler = new ListDirHandler();

    private ToolResult list(String extra) throws InterruptedException {
        return list(new FakeReadTurn(dir), dir, extra);
    }

    private ToolResult list(FakeReadTurn turn, Path target, String extra) throws InterruptedException {
        String json = "{\"dir_path\":\"" + target + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
        return handler.handle(turn.call("list_dir", json));
    }

    @BeforeEach
    void tree() throws IOException {
        Files.createDirectories(dir.resolve("a/deep/deeper"));
        Files.writeString(dir.resolve("a/deep/deeper/bottom.txt"), "x");
        Files.writeString(dir.resolve("a/inner.txt"), "x");
        Files.writeString(dir.resolve("a.txt"), "x");
        Files.writeString(dir.resolve("b.md"), "x");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("b.md"));
    }

    @Test
    void listsTwoLevelsByDefaultWithKindSuffixesAndChildrenUnderTheirParent() throws Exception {
        assertThat(list("")).isEqualTo(ToolResult.ok("Absolute path: " + dir + "\n"
                + "a/\n  deep/\n  inner.txt\na.txt\nb.md\nlink@"));
    }

    @Test
    void depthControlsHowFarItDescends() throws Exception {
        assertThat(list("\"depth\":1")).isEqualTo(ToolResult.ok("Absolute path: " + dir + "\na/\na.txt\nb.md\nlink@"));
        assertThat(list("\"depth\":4")).isEqualTo(ToolResult.ok("Absolute path: " + dir + "\n"
                + "a/\n  deep/\n    deeper/\n      bottom.txt\n  inner.txt\na.txt\nb.md\nlink@"));
    }

    @Test
    void pagesWithOffsetAndLimit() throws Exception {
        assertThat(list("\"limit\":2")).isEqualTo(ToolResult.ok("Absolute path: " + dir + "\n"
                + "a/\n  deep/\nMore than 2 entries found"));
        assertThat(list("\"offset\":3,\"limit\":2")).isEqualTo(ToolResult.ok("Absolute path: " + dir + "\n"
                + "  inner.txt\na.txt\nMore than 2 entries found"));
        assertThat(list("\"offset\":6,\"limit\":5")).isEqualTo(ToolResult.ok("Absolute path: " + dir + "\nlink@"));
        assertThat(list("\"offset\":7")).isEqualTo(ToolResult.failure(
                "offset exceeds directory entry count: offset 7 but the listing has 6 entries"));
    }

    @Test
    void emptyDirectoryListsOnlyItsPath() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(list(new FakeReadTurn(dir), empty, "")).isEqualTo(ToolResult.ok("Absolute path: " + empty));
    }

    @Test
    void longNamesAreCutTo500Bytes() throws Exception {
        Path holder = Files.createDirectory(dir.resolve("holder"));
        // 200 two-byte characters = 400 bytes fits; the filesystem limit (255 bytes) keeps real names shorter, so
        // the cut is checked directly on the formatter as well.
        Files.writeString(holder.resolve("é".repeat(100)), "x");
        assertThat(list(new FakeReadTurn(dir), holder, "")).isEqualTo(ToolResult.ok(
                "Absolute path: " + holder + "\n" + "é".repeat(100)));
        assertThat(LineReader.capBytes("é".repeat(300), ListDirHandler.MAX_NAME_BYTES)).isEqualTo("é".repeat(250));
    }

    @Test
    void validatesArguments() throws Exception {
        assertThat(list("\"offset\":0")).isEqualTo(ToolResult.failure(
                "offset must be a 1-indexed entry number (got 0)"));
        assertThat(list("\"limit\":0")).isEqualTo(ToolResult.failure("limit must be greater than zero (got 0)"));
        assertThat(list("\"depth\":0")).isEqualTo(ToolResult.failure("depth must be greater than zero (got 0)"));
        ToolResult relative = handler.handle(new FakeReadTurn(dir).call("list_dir", "{\"dir_path\":\"a\"}"));
        assertThat(relative).isEqualTo(ToolResult.failure("dir_path must be an absolute path, got `a`; relative to "
                + "the working directory that is `" + dir.resolve("a") + "`"));
        assertThatThrownBy(() -> handler.handle(new FakeReadTurn(dir).call("list_dir", "{}")))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("missing field `dir_path`");
    }

    @Test
    void missingPathAndFileAreFailures() throws Exception {
        Path missing = dir.resolve("missing");
        assertThat(list(new FakeReadTurn(dir), missing, "")).isEqualTo(ToolResult.failure("failed to read directory `"
                + missing + "`: no such file or directory. Check the path, or list its parent directory"));
        Path file = dir.resolve("a.txt");
        assertThat(list(new FakeReadTurn(dir), file, "")).isEqualTo(ToolResult.failure(
                "`" + file + "` is not a directory; use read_file to read a file"));
    }

    @Test
    void stopsAtTheOutputBudgetAndNamesTheNextOffset() throws Exception {
        Path many = Files.createDirectory(dir.resolve("many"));
        for (int i = 0; i < 100; i++) {
            Files.writeString(many.resolve("file-%03d-with-a-fairly-long-name.txt".formatted(i)), "");
        }
        ToolResult result = list(new FakeReadTurn(dir, 100), many, "\"limit\":100");
        String text = ((ToolResult.Text) result).text();
        String[] lines = text.split("\n");
        int shown = lines.length - 2;
        assertThat(lines[1]).isEqualTo("file-000-with-a-fairly-long-name.txt");
        assertThat(shown).isBetween(1, 10);
        assertThat(lines[lines.length - 1]).isEqualTo("More than " + shown + " entries found; the output budget is "
                + "full, call list_dir again with offset=" + (shown + 1) + " to continue");
    }

    @Test
    void specIsAFunctionRequiringDirPath() {
        assertThat(handler.name()).isEqualTo("list_dir");
        assertThat(handler.mutating(null)).isFalse();
        assertThat(handler.spec().get("parameters").get("required").toString()).isEqualTo("[\"dir_path\"]");
        assertThat(handler.spec().get("parameters").get("properties").propertyNames())
                .containsExactly("dir_path", "offset", "limit", "depth");
    }
}
