package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.applypatch.FileChange.AddFile;
import dev.jcodex.applypatch.FileChange.DeleteFile;
import dev.jcodex.applypatch.FileChange.UpdateFile;
import dev.jcodex.applypatch.UpdateChunk.Anchor;
import dev.jcodex.applypatch.UpdateChunk.Line;
import dev.jcodex.applypatch.UpdateChunk.LineKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchParserTest {

    private static String patch(String... lines) {
        return "*** Begin Patch\n" + String.join("\n", lines) + (lines.length > 0 ? "\n" : "") + "*** End Patch\n";
    }

    private static Line context(String text) {
        return new Line(LineKind.CONTEXT, text);
    }

    private static Line removed(String text) {
        return new Line(LineKind.REMOVED, text);
    }

    private static Line added(String text) {
        return new Line(LineKind.ADDED, text);
    }

    @Test
    void parsesEverySectionKind() {
        Patch parsed = ApplyPatch.parse(patch(
                "*** Add File: path/add.py",
                "+abc",
                "+def",
                "*** Delete File: path/delete.py",
                "*** Update File: path/update.py",
                "*** Move to: path/update2.py",
                "@@ def f():",
                "-    pass",
                "+    return 123",
                "*** End of File"));

        assertThat(parsed).isEqualTo(new Patch(List.of(
                new AddFile("path/add.py", "abc\ndef\n"),
                new DeleteFile("path/delete.py"),
                new UpdateFile("path/update.py", Optional.of("path/update2.py"), List.of(
                        new UpdateChunk(List.of("def f():"), List.of(removed("    pass"), added("    return 123")),
                                Anchor.END_OF_FILE))))));
    }

    @Test
    void firstChunkMayOmitTheContextMarker() {
        Patch parsed = ApplyPatch.parse(patch("*** Update File: f.txt", " keep", "-old", "+new"));

        assertThat(parsed.changes()).containsExactly(new UpdateFile("f.txt", Optional.empty(), List.of(
                new UpdateChunk(List.of(), List.of(context("keep"), removed("old"), added("new")),
                        Anchor.AFTER_PREVIOUS))));
    }

    @Test
    void consecutiveContextHeadersNarrowTheChunkInOrder() {
        Patch parsed = ApplyPatch.parse(patch("*** Update File: f.py", "@@ class B:", "@@     def run(self):",
                "-        return 1", "+        return 2", "@@", "+tail"));

        UpdateFile update = (UpdateFile) parsed.changes().getFirst();
        assertThat(update.chunks()).containsExactly(
                new UpdateChunk(List.of("class B:", "    def run(self):"),
                        List.of(removed("        return 1"), added("        return 2")), Anchor.AFTER_PREVIOUS),
                new UpdateChunk(List.of(), List.of(added("tail")), Anchor.AFTER_PREVIOUS));
    }

    @Test
    void emptyLineInChunkIsEmptyContextAndBlankLinesBetweenChunksAreSkipped() {
        Patch parsed = ApplyPatch.parse(patch("*** Update File: f.txt", "@@", " a", "", " b", "-c", "   ", "@@",
                "-d"));

        UpdateFile update = (UpdateFile) parsed.changes().getFirst();
        assertThat(update.chunks()).extracting(UpdateChunk::lines).containsExactly(
                List.of(context("a"), context(""), context("b"), removed("c"), context("  ")),
                List.of(removed("d")));
    }

    @Test
    void oldAndNewLinesAreDerivedFromDiffLines() {
        UpdateChunk chunk = new UpdateChunk(List.of(), List.of(context("a"), removed("b"), added("B"), context("c")),
                Anchor.AFTER_PREVIOUS);

        assertThat(chunk.oldLines()).containsExactly("a", "b", "c");
        assertThat(chunk.newLines()).containsExactly("a", "B", "c");
    }

    @Test
    void unifiedDiffRangeHeaderActsAsBareMarker() {
        UpdateFile update = (UpdateFile) ApplyPatch.parse(patch("*** Update File: f", "@@ -1,3 +1,4 @@ def f():",
                "-a", "+b")).changes().getFirst();

        assertThat(update.chunks().getFirst().contexts()).isEmpty();
    }

    @Test
    void addFileAcceptsBlankLinesBetweenPlusLinesAndEmptyContent() {
        Patch parsed = ApplyPatch.parse(patch("*** Add File: a.txt", "+one", "", "", "+four", "", "*** Add File: empty"));

        assertThat(parsed.changes()).containsExactly(new AddFile("a.txt", "one\n\n\nfour\n"), new AddFile("empty", ""));
    }

    @Test
    void toleratesPaddingCrlfAndSurroundingWhitespace() {
        Patch parsed = ApplyPatch.parse("\n\n  *** Begin Patch  \r\n   *** Delete File:   a b.txt  \r\n"
                + "*** Update File: c\r\n  *** Move to:  d  \r\n@@\r\n-x\r\n+y\r\n *** End Patch \n\n");

        assertThat(parsed.changes()).containsExactly(new DeleteFile("a b.txt"),
                new UpdateFile("c", Optional.of("d"), List.of(new UpdateChunk(List.of(),
                        List.of(removed("x"), added("y")), Anchor.AFTER_PREVIOUS))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<<EOF\n%sEOF\n", "<<'EOF'\n%sEOF", "<<\"EOF\"\n%sEOF\n", "apply_patch <<'PATCH'\n%sPATCH\n",
            "applypatch <<-EOF\n%s\tEOF\n", "```\n%s```", "```diff\n<<'EOF'\n%sEOF\n```\n",
            "<<EOF\n\n%s\n\nEOF"})
    void unwrapsHeredocsAndCodeFences(String wrapper) {
        String body = patch("*** Add File: x", "+y");

        assertThat(ApplyPatch.parse(wrapper.formatted(body))).isEqualTo(new Patch(List.of(new AddFile("x", "y\n"))));
    }

    @Test
    void heredocNeedsItsDelimiterAtTheEnd() {
        assertThatThrownBy(() -> ApplyPatch.parse("<<'EOF'\n" + patch("*** Add File: x", "+y") + "STOP\n"))
                .hasMessage("invalid patch: The first line of the patch must be '*** Begin Patch'");
    }

    @Test
    void heredocWithBadInnerPatchReportsTheInnerProblem() {
        assertThatThrownBy(() -> ApplyPatch.parse("<<EOF\n*** Begin Patch\n*** Add File: x\n+y\nEOF\n"))
                .hasMessage("invalid patch: The last line of the patch must be '*** End Patch'");
    }

    @Test
    void emptyPatchParsesToNoChanges() {
        assertThat(ApplyPatch.parse("*** Begin Patch\n*** End Patch")).isEqualTo(new Patch(List.of()));
    }

    @Test
    void missingBeginMarker() {
        assertThatThrownBy(() -> ApplyPatch.parse("bad"))
                .isInstanceOfSatisfying(PatchParseException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("invalid patch: The first line of the patch must be '*** Begin Patch'");
                    assertThat(e.standaloneMessage())
                            .isEqualTo("Invalid patch: The first line of the patch must be '*** Begin Patch'");
                    assertThat(e.lineNumber()).isEqualTo(OptionalInt.empty());
                });
    }

    @Test
    void missingEndMarker() {
        assertThatThrownBy(() -> ApplyPatch.parse("*** Begin Patch\n*** Add File: x\n+y"))
                .hasMessage("invalid patch: The last line of the patch must be '*** End Patch'");
        assertThatThrownBy(() -> ApplyPatch.parse("*** Begin Patch"))
                .hasMessage("invalid patch: The last line of the patch must be '*** End Patch'");
    }

    @Test
    void invalidHunkHeaderNamesLineAndValidHeaders() {
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Add File: a", "+a", "*** Frobnicate File: foo")))
                .isInstanceOfSatisfying(PatchParseException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("invalid hunk at line 4, '*** Frobnicate File: foo' is not "
                            + "a valid hunk header. Valid hunk headers: '*** Add File: {path}', "
                            + "'*** Delete File: {path}', '*** Update File: {path}'");
                    assertThat(e.lineNumber()).isEqualTo(OptionalInt.of(4));
                    assertThat(e.detail()).startsWith("'*** Frobnicate File: foo' is not a valid hunk header.");
                });
    }

    @Test
    void sectionWithoutPathIsRejected() {
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Delete File:   ")))
                .hasMessageStartingWith("invalid hunk at line 2, '*** Delete File:' does not name a file.");
    }

    @Test
    void emptyUpdateSection() {
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Update File: test.py")))
                .hasMessage("invalid hunk at line 2, Update file hunk for path 'test.py' is empty");
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Update File: test.py", "*** Move to: b.py")))
                .hasMessage("invalid hunk at line 2, Update file hunk for path 'test.py' is empty");
    }

    @Test
    void chunkWithoutLines() {
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Update File: f", "@@")))
                .hasMessage("invalid hunk at line 4, Update hunk does not contain any lines");
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Update File: f", "@@", "*** End of File")))
                .hasMessage("invalid hunk at line 4, Update hunk does not contain any lines");
    }

    @Test
    void unexpectedLineAtChunkStart() {
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Update File: f", "@@ ctx", "bad line")))
                .hasMessage("invalid hunk at line 4, Unexpected line found in update hunk: 'bad line'. Every line "
                        + "should start with ' ' (context line), '+' (added line), or '-' (removed line)");
    }

    @Test
    void laterChunkMustStartWithMarker() {
        assertThatThrownBy(() -> ApplyPatch.parse(patch("*** Update File: f", "-a", "+b", "bad line")))
                .hasMessage("invalid hunk at line 5, Expected update hunk to start with a @@ context marker, "
                        + "got: 'bad line'");
    }

    @Test
    void paddedHeaderAfterChunkLineIsAContextLine() {
        // As in the reference: a line starting with a space inside a chunk is context, even if it looks like a header.
        UpdateFile update = (UpdateFile) ApplyPatch.parse(patch("*** Update File: f", "@@", "-a",
                " *** Add File: g")).changes().getFirst();

        assertThat(update.chunks().getFirst().lines()).containsExactly(removed("a"), context("*** Add File: g"));
    }
}
