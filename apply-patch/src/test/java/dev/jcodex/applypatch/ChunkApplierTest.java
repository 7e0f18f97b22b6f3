package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.applypatch.FileChange.UpdateFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory part of applying update sections. */
class ChunkApplierTest {

    /** Applies the update section(s) of {@code patchBody} (lines between Begin and End) to {@code text}. */
    private static String apply(String text, String... patchLines) {
        String patch = "*** Begin Patch\n*** Update File: f.txt\n" + String.join("\n", patchLines) + "\n*** End Patch";
        UpdateFile update = (UpdateFile) ApplyPatch.parse(patch).changes().getFirst();
        return ChunkApplier.apply(TextContent.of(text, false), update.chunks(), "/w/f.txt");
    }

    @Test
    void replacesMatchedLines() {
        assertThat(apply("a\nb\nc\n", "@@", " a", "-b", "+B", " c")).isEqualTo("a\nB\nc\n");
    }

    @Test
    void contextLinesKeepTheFilesOwnText() {
        assertThat(apply("    def f():  \n        return 1\n", "@@", " def f():", "-return 1", "+        return 2"))
                .isEqualTo("    def f():  \n        return 2\n");
    }

    @Test
    void chunksApplyInOrderFromTheCursor() {
        assertThat(apply("x\ny\nx\ny\n", "@@", "-x", "+1", "@@", "-x", "+2")).isEqualTo("1\ny\n2\ny\n");
    }

    @Test
    void contextHeaderMovesTheCursorPastIt() {
        assertThat(apply("f\nx\ng\nx\n", "@@ g", "-x", "+X")).isEqualTo("f\nx\ng\nX\n");
    }

    @Test
    void pureAdditionWithoutHeaderAppendsBeforeAFinalEmptyLine() {
        assertThat(apply("a\n\n", "@@", "+z")).isEqualTo("a\nz\n\n");
        assertThat(apply("a\nb\n", "@@", " a", "-b", "+B", "@@", "+z")).isEqualTo("a\nB\nz\n");
    }

    @Test
    void pureAdditionAtEndDoesNotBlockLaterChunks() {
        assertThat(apply("a\nb\n", "@@", "+z", "@@", "-a", "+A")).isEqualTo("A\nb\nz\n");
    }

    @Test
    void pureAdditionAfterContextHeaderInsertsThere() {
        assertThat(apply("import os\n\nmain()\n", "@@ import os", "+import sys"))
                .isEqualTo("import os\nimport sys\n\nmain()\n");
    }

    @Test
    void trailingEmptyOldLineIsRetriedWithout() {
        assertThat(apply("a\nb\n", "@@", " a", "-b", "+c", "")).isEqualTo("a\nc\n");
        assertThat(apply("a\nb\n", "@@", " a", "-b", "", "+c")).isEqualTo("a\n\nc\n");
    }

    @Test
    void missingFinalNewlineIsKeptWhenTheLastLineIsKept() {
        assertThat(apply("a\nb\nc", "@@", "-a", "+A")).isEqualTo("A\nb\nc");
        assertThat(apply("a\nb", "@@", "-a", "+A", " b")).isEqualTo("A\nb");
    }

    @Test
    void newlineIsAddedWhenTheLastLineChangesOrLinesFollowIt() {
        assertThat(apply("a\nb", "@@", "-b", "+B")).isEqualTo("a\nB\n");
        assertThat(apply("a\nb", "@@", "+c")).isEqualTo("a\nb\nc\n");
    }

    @Test
    void extraTrailingNewlinesAreKept() {
        assertThat(apply("a\nb\n\n\n", "@@", "-a", "+A")).isEqualTo("A\nb\n\n\n");
    }

    @Test
    void crlfFileGetsCrlfForInsertedLinesAndKeepsItsOtherLines() {
        assertThat(apply("a\r\nb\r\nc\n", "@@", " a", "-b", "+B", "+B2"))
                .isEqualTo("a\r\nB\r\nB2\r\nc\n");
    }

    @Test
    void deletingEveryLineLeavesAnEmptyFile() {
        assertThat(apply("a\nb\n", "@@", "-a", "-b")).isEmpty();
    }

    @Test
    void emptyFileCanBeFilled() {
        assertThat(apply("", "@@", "+first")).isEqualTo("first\n");
    }

    @Test
    void missingLinesAreQuotedInTheError() {
        assertThatThrownBy(() -> apply("a\n", "@@", " a", "-b", "+c"))
                .isInstanceOf(ApplyPatchException.class)
                .hasMessage("Failed to find expected lines in /w/f.txt:\na\nb");
    }

    @Test
    void missingContextHeaderIsNamed() {
        assertThatThrownBy(() -> apply("a\n", "@@ class Missing", "-a", "+b"))
                .hasMessage("Failed to find context 'class Missing' in /w/f.txt");
    }

    @Test
    void secondChunkCannotMatchAboveTheFirst() {
        assertThatThrownBy(() -> apply("a\nb\n", "@@", "-b", "+B", "@@", "-a", "+A"))
                .hasMessage("Failed to find expected lines in /w/f.txt:\na");
    }

    @Test
    void textContentSplitsLikeTheReference() {
        assertThat(List.of(TextContent.of("a\n\n", false).lines())).containsExactly("a", "");
        assertThat(List.of(TextContent.of("a\r\nb", false).lines())).containsExactly("a", "b");
        assertThat(TextContent.of("", false).lineCount()).isZero();
        assertThat(TextContent.of("a\r\nb\r\nc\n", false).eol()).isEqualTo("\r\n");
        assertThat(TextContent.of("a\r\nb\nc\n", false).eol()).isEqualTo("\n");
    }
}
