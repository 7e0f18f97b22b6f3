package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableRootsTest {

    @TempDir Path tmp;
    private Path cwd;

    @BeforeEach
    void setUp() throws Exception {
        cwd = Files.createDirectories(tmp.resolve("project")).toRealPath();
    }

    @Test
    void readOnlyAndDangerHaveNoRoots() {
        assertThat(WritableRoots.of(new SandboxPolicy.ReadOnly(), cwd, Map.of())).isEmpty();
        assertThat(WritableRoots.of(new SandboxPolicy.DangerFullAccess(), cwd, Map.of())).isEmpty();
    }

    @Test
    void cwdAloneWhenTempDirsAreExcludedWithItsCodexProtectedEvenBeforeItExists() {
        List<WritableRoot> roots = WritableRoots.of(ws(List.of(), true, true), cwd, Map.of("TMPDIR", tmp.toString()));
        assertThat(roots).containsExactly(new WritableRoot(cwd, List.of(cwd.resolve(".codex"))));
    }

    @Test
    void configuredRootsThenCwdThenTmpThenTmpdirCanonicalAndDeduplicated() throws Exception {
        Path extra = Files.createDirectories(tmp.resolve("extra")).toRealPath();
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-extra"), extra);
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir")).toRealPath();
        List<WritableRoot> roots = WritableRoots.of(ws(List.of(link.toString(), "sub/..", extra.toString()), false, false),
                cwd, Map.of("TMPDIR", tmpdir.toString()));
        assertThat(roots).extracting(WritableRoot::root)
                .containsExactly(extra, cwd, Path.of("/tmp").toRealPath(), tmpdir);
    }

    @Test
    void blankTmpdirIsIgnored() {
        assertThat(WritableRoots.of(ws(List.of(), true, false), cwd, Map.of("TMPDIR", " ")))
                .extracting(WritableRoot::root).containsExactly(cwd);
    }

    @Test
    void gitAgentsAndCodexAreProtectedAndAGitdirPointerIsFollowed() throws Exception {
        Path worktreeGitdir = Files.createDirectories(cwd.resolve("elsewhere/gitdir"));
        Files.writeString(cwd.resolve(".git"), "gitdir: elsewhere/gitdir\n");
        Files.createDirectories(cwd.resolve(".agents"));
        Files.createDirectories(cwd.resolve(".codex"));
        Path other = Files.createDirectories(tmp.resolve("other")).toRealPath();
        Files.writeString(other.resolve(".agents"), "a file, not a directory");
        Files.writeString(other.resolve(".codex"), "a file, not a directory");
        List<WritableRoot> roots = WritableRoots.of(ws(List.of(other.toString()), true, true), cwd, Map.of());
        assertThat(roots).containsExactly(
                new WritableRoot(other, List.of()),
                new WritableRoot(cwd, List.of(cwd.resolve(".git"), worktreeGitdir, cwd.resolve(".agents"),
                        cwd.resolve(".codex"))));
    }

    @Test
    void aSymlinkedGitDirIsProtectedAtBothEnds() throws Exception {
        Path realGit = Files.createDirectories(cwd.resolve("vault/git"));
        Files.createSymbolicLink(cwd.resolve(".git"), realGit);
        WritableRoot root = WritableRoots.of(ws(List.of(), true, true), cwd, Map.of()).getFirst();
        assertThat(root.readOnlySubpaths()).contains(cwd.resolve(".git"), realGit);
    }

    @Test
    void canWriteHonoursTheRootAndItsReadOnlyPaths() {
        WritableRoot root = new WritableRoot(cwd, List.of(cwd.resolve(".git")));
        assertThat(root.canWrite(cwd.resolve("src/Main.java"))).isTrue();
        assertThat(root.canWrite(cwd)).isTrue();
        assertThat(root.canWrite(cwd.resolve(".git/hooks/pre-commit"))).isFalse();
        assertThat(root.canWrite(cwd.resolve(".gitignore"))).isTrue();
        assertThat(root.canWrite(cwd.resolve("../outside"))).isFalse();
        assertThat(root.canWrite(cwd.resolve("src/../../outside"))).isFalse();
    }

    private static SandboxPolicy.WorkspaceWrite ws(List<String> roots, boolean excludeSlashTmp, boolean excludeTmpdir) {
        return new SandboxPolicy.WorkspaceWrite(roots, false, excludeTmpdir, excludeSlashTmp);
    }
}
