package dev.jcodex.sandbox;

import static dev.jcodex.sandbox.EscapeProbes.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.sandbox.LandlockConfinement.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mount-namespace layout on this machine: whole roots writable, protected paths read-only by mounts. */
class MountNamespaceLayoutTest {

    private static final SandboxPolicy WORKSPACE = new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true);

    @TempDir Path tmp;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(LandlockConfinement.abiVersion() >= 1, "Landlock unavailable");
        assumeTrue(MountNamespace.unavailableReason().isEmpty(), "mount namespaces unavailable: "
                + MountNamespace.unavailableReason().orElse(""));
        root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        Files.createDirectories(root.resolve(".git/hooks"));
        Files.writeString(root.resolve(".git/config"), "[core]\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("top.txt"), "top\n");
        Files.writeString(root.resolve("gone.txt"), "bye\n");
    }

    @Test
    void entriesDirectlyInTheRootCanBeCreatedDeletedAndRenamed() throws Exception {
        ShellRun run = confined(WORKSPACE, Map.of(), "mkdir build && echo hi > build/x && touch new.txt"
                + " && rm gone.txt && sed -i s/top/TOP/ top.txt && mv new.txt renamed.txt && echo ok");
        assertThat(run.stdout()).as(run.stderr()).isEqualTo("ok\n");
        assertThat(root.resolve("build/x")).hasContent("hi");
        assertThat(root.resolve("renamed.txt")).exists();
        assertThat(root.resolve("gone.txt")).doesNotExist();
        assertThat(root.resolve("top.txt")).hasContent("TOP");
    }

    @Test
    void theMissingCodexIsCreatedEmptyAndKeptReadOnly() throws Exception {
        ShellRun run = confined(WORKSPACE, Map.of(), "echo x > .codex/config.toml || echo no-write;"
                + " rmdir .codex || echo no-rmdir; mv .codex codex2 || echo no-move; mkdir .codex/rules || echo no-mkdir");
        assertThat(run.stdout().lines()).containsExactly("no-write", "no-rmdir", "no-move", "no-mkdir");
        assertThat(run.stderr()).contains("Read-only file system", "busy");
        assertThat(root.resolve(".codex")).isEmptyDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(".codex"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(root.resolve("codex2")).doesNotExist();
    }

    @Test
    void gitCannotBeWrittenMovedRemovedUnmountedOrCoveredAndNothingLeaksToTheHost() throws Exception {
        ShellRun run = confined(WORKSPACE, Map.of(), "echo x > .git/hooks/pre-commit || echo no-hook;"
                + " mv .git git-old || echo no-move; rm -rf .git 2>/dev/null || echo no-rm;"
                + " umount .git 2>/dev/null || echo no-umount; umount -l .git 2>/dev/null || echo no-lazy-umount;"
                + " mount --bind src .git 2>/dev/null || echo no-bind;"
                + " mount -o remount,rw,bind .git 2>/dev/null || echo no-remount;"
                + " echo x > .git/hooks/pre-commit 2>/dev/null || echo still-no-hook");
        assertThat(run.stdout().lines()).containsExactly("no-hook", "no-move", "no-rm", "no-umount",
                "no-lazy-umount", "no-bind", "no-remount", "still-no-hook");
        assertThat(root.resolve(".git/config")).hasContent("[core]");
        assertThat(root.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(root.resolve("git-old")).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).as("this JVM's mount table")
                .doesNotContain(tmp.toRealPath().toString());
        Files.writeString(root.resolve(".git/hooks/host-wrote"), "yes");
        assertThat(root.resolve(".git/hooks/host-wrote")).hasContent("yes");
        Files.move(root.resolve(".codex"), root.resolve("codex-moved-by-host"));
        assertThat(root.resolve("codex-moved-by-host")).isEmptyDirectory();
    }

    /** A project inside another writable root cannot be renamed away (and replaced by a forged one). */
    @Test
    void aProjectInsideAnotherWritableRootIsPinnedInPlace() throws Exception {
        Path outer = tmp.toRealPath();
        SandboxPolicy policy = new SandboxPolicy.WorkspaceWrite(List.of(outer.toString()), false, true, true);
        ShellRun run = confined(policy, Map.of(), "mv " + q(root) + " " + q(outer.resolve("moved")) + " || echo no-move;"
                + " echo x > " + q(outer.resolve("direct.txt")) + " && mkdir " + q(outer.resolve("d")) + " && echo outer-ok;"
                + " echo x > .git/hooks/pre-commit || echo no-hook");
        assertThat(run.stdout().lines()).containsExactly("no-move", "outer-ok", "no-hook");
        assertThat(root.resolve(".git/config")).exists();
        assertThat(outer.resolve("moved")).doesNotExist();
    }

    /** A protected symlink cannot be mounted over: its directory falls back to the split rules. */
    @Test
    void aProtectedSymlinkSplitsItsDirectoryAsBefore() throws Exception {
        Path realGit = Files.createDirectories(tmp.resolve("elsewhere/real.git")).toRealPath();
        Path symlinked = Files.createDirectories(tmp.resolve("linked")).toRealPath();
        Files.createSymbolicLink(symlinked.resolve(".git"), realGit);
        Files.createDirectories(symlinked.resolve("src"));
        ShellRun run = ShellRun.confined(LandlockConfinement.forPolicy(WORKSPACE, symlinked, Map.of(),
                Layout.MOUNT_NAMESPACE), symlinked, "rm .git || echo no-unlink; touch top.txt || echo split;"
                + " touch src/ok && echo sub-ok");
        assertThat(run.stdout().lines()).containsExactly("no-unlink", "split", "sub-ok");
        assertThat(Files.isSymbolicLink(symlinked.resolve(".git"))).isTrue();
    }

    @Test
    void forcedSplitLayoutCreatesNoCodexAndRefusesTopLevelEntries() throws Exception {
        ShellRun run = ShellRun.confined(LandlockConfinement.forPolicy(WORKSPACE, root, Map.of(), Layout.SPLIT), root,
                "touch new.txt || echo no-create");
        assertThat(run.stdout()).isEqualTo("no-create\n");
        assertThat(root.resolve(".codex")).doesNotExist();
    }

    /** Run on throw-away threads (each leaves its namespace when it ends). */
    @Test
    void aVanishedPinFailsTheLayoutWhileAVanishedOrSymlinkedSealIsOnlySkipped() throws Exception {
        Arch arch = Arch.current().orElseThrow();
        Files.createSymbolicLink(root.resolve("link"), root.resolve("src"));
        MountPlan vanishedPin = new MountPlan(Optional.empty(), List.of(root.resolve("gone")), List.of(), List.of());
        assertThat(onFreshThread(() -> MountNamespace.enter(arch, vanishedPin, root)))
                .isInstanceOf(LinuxSyscalls.SyscallFailedException.class);
        MountPlan seals = new MountPlan(Optional.empty(), List.of(),
                List.of(root.resolve(".git"), root.resolve("gone"), root.resolve("link")), List.of());
        assertThat(onFreshThread(() -> MountNamespace.enter(arch, seals, root))).isEqualTo(Set.of(root.resolve(".git")));
    }

    private static Object onFreshThread(Callable<Object> action) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.set(action.call());
            } catch (Exception e) {
                result.set(e);
            }
        });
        thread.join();
        return result.get();
    }

    private ShellRun confined(SandboxPolicy policy, Map<String, String> env, String script) throws Exception {
        return ShellRun.confined(LandlockConfinement.forPolicy(policy, root, env, Layout.MOUNT_NAMESPACE), root,
                script);
    }
}
