package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BubblewrapLauncherTest {

    private static final List<String> HEAD = List.of("/usr/bin/bwrap", "--new-session", "--die-with-parent",
            "--unshare-user", "--unshare-pid", "--cap-drop", "ALL");
    private static final List<String> BASE = List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc");

    private final BubblewrapLauncher bwrap = BubblewrapLauncher.at(Path.of("/usr/bin/bwrap"));
    @TempDir Path tmp;
    private Path cwd;

    @BeforeEach
    void setUp() throws Exception {
        cwd = Files.createDirectories(tmp.resolve("project")).toRealPath();
    }

    @Test
    void readOnlyMountsEverythingReadOnlyWithoutNetwork() {
        assertThat(bwrap.argvPrefix(new SandboxPolicy.ReadOnly(), cwd, Map.of()))
                .isEqualTo(concat(HEAD, List.of("--unshare-net"), BASE, List.of("--")));
    }

    @Test
    void protectedPathsThatExistAreRemountedReadOnlyOverAWritableRoot() throws Exception {
        Files.createDirectories(cwd.resolve(".git"));
        Files.createDirectories(cwd.resolve(".codex"));
        String root = cwd.toString();
        assertThat(bwrap.argvPrefix(new SandboxPolicy.WorkspaceWrite(List.of(), true, true, true), cwd, Map.of()))
                .isEqualTo(concat(HEAD, BASE, List.of("--bind", root, root,
                        "--ro-bind", root + "/.codex", root + "/.codex",
                        "--ro-bind", root + "/.git", root + "/.git", "--")));
    }

    /**
     * A missing .codex is created (empty) so that it can be mounted over read-only; the working directory stays
     * writable whole, and so does an enclosing root (here the TMPDIR root around the project).
     */
    @Test
    void aMissingCodexIsCreatedAndBoundReadOnly() throws Exception {
        Files.createDirectories(cwd.resolve(".git"));
        String root = cwd.toString();
        String outer = tmp.toRealPath().toString();
        assertThat(bwrap.argvPrefix(new SandboxPolicy.WorkspaceWrite(List.of(), false, false, true), cwd,
                Map.of("TMPDIR", outer)))
                .isEqualTo(concat(HEAD, List.of("--unshare-net"), BASE, List.of(
                        "--bind", outer, outer,
                        "--bind", root, root,
                        "--ro-bind", root + "/.codex", root + "/.codex",
                        "--ro-bind", root + "/.git", root + "/.git", "--")));
        assertThat(cwd.resolve(".codex")).isEmptyDirectory();
    }

    /** A project deeper inside another writable root: every directory on the way is pinned by a bind. */
    @Test
    void directoriesBetweenAnEnclosingRootAndTheProjectAreBoundInPlace() throws Exception {
        Path project = Files.createDirectories(cwd.resolve("a/b/project")).toRealPath();
        Files.createDirectories(project.resolve(".codex"));
        String outer = cwd.toString();
        assertThat(bwrap.argvPrefix(new SandboxPolicy.WorkspaceWrite(List.of(outer), true, true, true), project,
                Map.of()))
                .isEqualTo(concat(HEAD, BASE, List.of(
                        "--bind", outer, outer,
                        "--bind", project.toString(), project.toString(),
                        "--bind", outer + "/a", outer + "/a",
                        "--bind", outer + "/a/b", outer + "/a/b",
                        "--ro-bind", project + "/.codex", project + "/.codex", "--")));
    }

    /**
     * A protected symlink cannot be mounted over (and a root-level entry could be replaced): its directory is
     * mounted read-only and its other entries bound writable again.
     */
    @Test
    void aProtectedSymlinkMakesItsDirectoryReadOnlyWithItsEntriesReboundWritable() throws Exception {
        Path realGit = Files.createDirectories(tmp.resolve("real.git"));
        Files.createSymbolicLink(cwd.resolve(".git"), realGit);
        Files.createDirectories(cwd.resolve("src"));
        Files.writeString(cwd.resolve("README.md"), "hi");
        Files.createSymbolicLink(cwd.resolve("link"), tmp);
        String root = cwd.toString();
        assertThat(bwrap.argvPrefix(new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true), cwd, Map.of()))
                .isEqualTo(concat(HEAD, List.of("--unshare-net"), BASE, List.of(
                        "--bind", root, root,
                        "--ro-bind", root, root,
                        "--bind-try", root + "/README.md", root + "/README.md",
                        "--bind-try", root + "/src", root + "/src",
                        "--ro-bind", root + "/.codex", root + "/.codex", "--")));
    }

    @Test
    void dangerFullAccessIsRejected() {
        assertThatThrownBy(() -> bwrap.argvPrefix(new SandboxPolicy.DangerFullAccess(), cwd, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bwrapInsideTheWorkingDirectoryIsIgnored() throws Exception {
        Path planted = Files.createDirectories(cwd.resolve("bin"));
        Files.writeString(planted.resolve("bwrap"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(planted.resolve("bwrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path system = Files.createDirectories(tmp.resolve("system-bin")).toRealPath();
        assertThat(BubblewrapLauncher.findOnPath(planted + ":" + system, cwd)).isEmpty();
        Files.writeString(system.resolve("bwrap"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(system.resolve("bwrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(BubblewrapLauncher.findOnPath(planted + ":" + system, cwd)).contains(system.resolve("bwrap"));
    }

    @Test
    void aBwrapThatCannotCreateNamespacesIsReportedWithItsError() throws Exception {
        Path fake = tmp.resolve("bwrap");
        Files.writeString(fake, "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(BubblewrapLauncher.probe(fake)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("setting up uid map: Permission denied").contains("user namespaces"));
        assertThat(BubblewrapLauncher.probe(tmp.resolve("missing"))).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("could not run"));
    }

    @Test
    void theSystemBwrapProbeAgreesWithAnActualRun() throws Exception {
        assumeTrue(BubblewrapLauncher.detect().isPresent(), "bubblewrap unavailable: "
                + BubblewrapLauncher.unavailableReason().orElse(""));
        BubblewrapLauncher real = BubblewrapLauncher.detect().orElseThrow();
        Files.createDirectories(cwd.resolve("src"));
        assertThat(BubblewrapLauncher.probe(real.executable())).isEmpty();
        SandboxPlan plan = new SandboxPlan.WrapArgv(SandboxMechanism.BUBBLEWRAP,
                real.argvPrefix(new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true), cwd, Map.of()), Map.of());
        ShellRun run = ShellRun.planned(plan, cwd, "echo hi > src/inside.txt && echo ok; echo x > "
                + EscapeProbes.q(tmp.resolve("outside.txt")) + " || echo denied");
        assertThat(run.stdout().lines()).containsExactly("ok", "denied");
        assertThat(cwd.resolve("src/inside.txt")).hasContent("hi");
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
