package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planning (in memory, nothing written) and committing (atomic, all or nothing). */
class PatchPlanTest {

    @TempDir
    Path tmp;
    Path cwd;

    @BeforeEach
    void setUp() {
        cwd = tmp.toAbsolutePath().normalize();
    }

    private static String patch(String... lines) {
        return "*** Begin Patch\n" + String.join("\n", lines) + "\n*** End Patch\n";
    }

    private PatchPlan plan(String... lines) {
        return ApplyPatch.plan(ApplyPatch.parse(patch(lines)), cwd);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = cwd.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void planDescribesEveryChangeAndWritesNothing() throws IOException {
        write("upd.txt", "a\nb\n");
        write("del.txt", "gone\n");
        write("mv.txt", "m\n");

        PatchPlan plan = plan("*** Add File: new/add.txt", "+hello", "*** Delete File: del.txt",
                "*** Update File: upd.txt", "@@", "-b", "+B", "*** Update File: mv.txt", "*** Move to: moved/mv.txt",
                "@@", "-m", "+M");

        assertThat(plan.changes()).containsExactly(
                new PlannedChange.Added("new/add.txt", cwd.resolve("new/add.txt"), "hello\n", Optional.empty()),
                new PlannedChange.Deleted("del.txt", cwd.resolve("del.txt"), Optional.of("gone\n")),
                new PlannedChange.Updated("upd.txt", cwd.resolve("upd.txt"), "a\nb\n", "a\nB\n"),
                new PlannedChange.Moved("moved/mv.txt", cwd.resolve("mv.txt"), cwd.resolve("moved/mv.txt"), "m\n",
                        "M\n"));
        assertThat(plan.changes()).extracting(PlannedChange::kind)
                .containsExactly(ChangeKind.ADD, ChangeKind.DELETE, ChangeKind.UPDATE, ChangeKind.MOVE);
        assertThat(plan.summary()).isEqualTo("Success. Updated the following files:\nA new/add.txt\nM upd.txt\n"
                + "M moved/mv.txt\nD del.txt\n");
        assertThat(FixtureTest.tree(cwd)).isEqualTo(Map.of("upd.txt", "a\nb\n", "del.txt", "gone\n", "mv.txt", "m\n"));

        ApplyResult result = plan.commit();

        assertThat(result).isEqualTo(new ApplyResult(List.of("new/add.txt"), List.of("upd.txt", "moved/mv.txt"),
                List.of("del.txt"), plan.changes()));
        assertThat(FixtureTest.tree(cwd)).isEqualTo(
                Map.of("new/add.txt", "hello\n", "upd.txt", "a\nB\n", "moved/mv.txt", "M\n"));
    }

    @Test
    void failingLaterChunkWritesNothingAtAll() throws IOException {
        write("a.txt", "a\n");
        write("b.txt", "b\n");
        Map<String, String> before = FixtureTest.tree(cwd);

        assertThatThrownBy(() -> ApplyPatch.apply(patch("*** Add File: brand/new/dir/x.txt", "+x",
                "*** Update File: a.txt", "@@", "-a", "+A", "*** Delete File: b.txt", "*** Update File: a.txt", "@@",
                "-nope", "+never"), cwd))
                .isInstanceOf(ApplyPatchException.class)
                .hasMessage("Failed to find expected lines in " + cwd.resolve("a.txt") + ":\nnope");

        assertThat(FixtureTest.tree(cwd)).isEqualTo(before);
        assertThat(cwd.resolve("brand")).doesNotExist();
    }

    @Test
    void updateKeepsPermissionsAndLeavesNoTemporaryFiles() throws IOException {
        Path script = write("run.sh", "#!/bin/sh\necho old\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));

        ApplyPatch.apply(patch("*** Update File: run.sh", "@@", "-echo old", "+echo new"), cwd);

        assertThat(Files.readString(script)).isEqualTo("#!/bin/sh\necho new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-x---");
        try (var files = Files.list(cwd)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.sh");
        }
    }

    @Test
    void movedFileKeepsSourcePermissionsAndNewFileGetsDefaultOnes() throws IOException {
        Path source = write("tool.sh", "v1\n");
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwx------"));
        write("bin/tool.sh", "old destination\n");

        ApplyPatch.apply(patch("*** Update File: tool.sh", "*** Move to: bin/tool.sh", "@@", "-v1", "+v2",
                "*** Add File: plain.txt", "+p"), cwd);

        Path moved = cwd.resolve("bin/tool.sh");
        assertThat(Files.readString(moved)).isEqualTo("v2\n");
        assertThat(source).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(moved))).isEqualTo("rwx------");
        // Not the 0600 of Files.createTempFile: the process umask applies, as for any newly created file.
        Path reference = Files.writeString(tmp.resolve("reference.txt"), "");
        assertThat(Files.getPosixFilePermissions(cwd.resolve("plain.txt")))
                .isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void fileChangedAfterPlanningAbortsTheCommit() throws IOException {
        Path file = write("a.txt", "a\n");
        write("b.txt", "b\n");
        PatchPlan plan = plan("*** Update File: b.txt", "@@", "-b", "+B", "*** Update File: a.txt", "@@", "-a",
                "+A");
        Files.writeString(file, "someone else\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

        assertThatThrownBy(plan::commit)
                .isInstanceOf(ApplyPatchException.class)
                .hasMessage(file + " changed on disk after the patch was checked; no files were modified");
        assertThat(FixtureTest.tree(cwd)).isEqualTo(Map.of("a.txt", "someone else\n", "b.txt", "b\n"));
    }

    @Test
    void failedWriteRollsBackEarlierWrites() throws IOException {
        write("a.txt", "a\n");
        write("gone.txt", "g\n");
        PatchPlan plan = plan("*** Delete File: gone.txt", "*** Update File: a.txt", "@@", "-a", "+A",
                "*** Add File: blocked/new.txt", "+n");
        // Planned: "blocked" would be created as a directory. Put a file there behind the plan's back.
        write("blocked", "in the way\n");

        assertThatThrownBy(plan::commit)
                .isInstanceOf(ApplyPatchException.class)
                .hasMessageStartingWith("Failed to create parent directories for " + cwd.resolve("blocked/new.txt"))
                .hasMessageEndingWith("; no files were modified");
        assertThat(FixtureTest.tree(cwd))
                .isEqualTo(Map.of("a.txt", "a\n", "gone.txt", "g\n", "blocked", "in the way\n"));
    }

    @Test
    void planCanBeCommittedOnlyOnce() throws IOException {
        write("a.txt", "a\n");
        PatchPlan plan = plan("*** Update File: a.txt", "@@", "-a", "+b");
        plan.commit();

        assertThatThrownBy(plan::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updateThroughSymbolicLinkEditsTheTarget() throws IOException {
        Path target = write("real/target.txt", "x\n");
        Path link = Files.createSymbolicLink(cwd.resolve("link.txt"), target);

        ApplyPatch.apply(patch("*** Update File: link.txt", "@@", "-x", "+y"), cwd);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("y\n");
    }

    @Test
    void deletingASymbolicLinkRemovesOnlyTheLink() throws IOException {
        Path target = write("real/target.txt", "x\n");
        Path link = Files.createSymbolicLink(cwd.resolve("link.txt"), target);

        ApplyPatch.apply(patch("*** Delete File: link.txt"), cwd);

        assertThat(link).doesNotExist();
        assertThat(target).hasContent("x");
    }

    @Test
    void sectionsSeeEarlierSectionsOfTheSamePatch() throws IOException {
        write("a.txt", "1\n");

        PatchPlan plan = plan("*** Update File: a.txt", "@@", "-1", "+2", "*** Update File: a.txt", "@@", "-2",
                "+3", "*** Delete File: a.txt", "*** Add File: a.txt", "+4");

        assertThat(plan.changes()).extracting(c -> c.oldText().orElse("-"), c -> c.newText().orElse("-"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1\n", "2\n"),
                        org.assertj.core.groups.Tuple.tuple("2\n", "3\n"),
                        org.assertj.core.groups.Tuple.tuple("3\n", "-"),
                        org.assertj.core.groups.Tuple.tuple("-", "4\n"));
        plan.commit();
        assertThat(cwd.resolve("a.txt")).hasContent("4");
    }

    @Test
    void deletedFileCannotBeUpdatedLater() throws IOException {
        write("a.txt", "1\n");

        assertThatThrownBy(() -> plan("*** Delete File: a.txt", "*** Update File: a.txt", "@@", "-1", "+2"))
                .hasMessage("Failed to read file to update " + cwd.resolve("a.txt") + ": No such file or directory");
    }

    @Test
    void addingOntoADirectoryFails() throws IOException {
        Files.createDirectories(cwd.resolve("dir"));

        assertThatThrownBy(() -> plan("*** Add File: dir", "+x"))
                .hasMessage("Failed to write file " + cwd.resolve("dir") + ": path is a directory");
    }

    @Test
    void updatingADirectoryFails() throws IOException {
        Files.createDirectories(cwd.resolve("dir"));

        assertThatThrownBy(() -> plan("*** Update File: dir", "@@", "-x", "+y"))
                .hasMessage("Failed to read file to update " + cwd.resolve("dir") + ": Is a directory");
    }

    @Test
    void binaryFileMayBeDeletedOrOverwrittenButNotUpdated() throws IOException {
        Files.write(cwd.resolve("a.bin"), new byte[] {1, 0, 2});
        Files.write(cwd.resolve("b.bin"), new byte[] {1, 0, 2});

        PatchPlan plan = plan("*** Delete File: a.bin", "*** Add File: b.bin", "+text now");

        assertThat(plan.changes()).containsExactly(
                new PlannedChange.Deleted("a.bin", cwd.resolve("a.bin"), Optional.empty()),
                new PlannedChange.Added("b.bin", cwd.resolve("b.bin"), "text now\n", Optional.empty()));
    }

    @Test
    void parentDotDotIsNormalisedAndAbsolutePathsAreKept() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        cwd = Files.createDirectories(cwd.resolve("project"));

        PatchPlan plan = plan("*** Add File: ../outside/a.txt", "+a", "*** Add File: " + outside.resolve("b.txt"),
                "+b");

        assertThat(plan.changes()).extracting(PlannedChange::path)
                .containsExactly(outside.resolve("a.txt"), outside.resolve("b.txt"));
    }

    @Test
    void emptyPatchIsRejected() {
        assertThatThrownBy(() -> ApplyPatch.plan(new Patch(List.of()), cwd))
                .isExactlyInstanceOf(ApplyPatchException.class)
                .hasMessage("No files were modified.");
    }

    @Test
    void unchangedContentIsNotRewritten() throws IOException {
        Path file = write("same.txt", "a\n");
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);

        ApplyResult result = ApplyPatch.apply(patch("*** Update File: same.txt", "@@", " a"), cwd);

        assertThat(result.modified()).containsExactly("same.txt");
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }
}
