package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxExplainerTest {

    @TempDir Path tmp;
    private Path cwd;

    @BeforeEach
    void setUp() throws Exception {
        cwd = Files.createDirectories(tmp.resolve("project")).toRealPath();
        Files.createDirectories(cwd.resolve(".git"));
    }

    @Test
    void dangerFullAccessSaysThereIsNoSandbox() {
        assertThat(SandboxExplainer.explain(new SandboxPolicy.DangerFullAccess(), cwd, Map.of()))
                .isEqualTo("Policy: danger-full-access\nNo sandbox: commands run with your full permissions, network"
                        + " included.\n");
    }

    @Test
    void anUnavailableSandboxIsExplainedAsARefusal() {
        SandboxSelector none = new SandboxSelector(SandboxMechanism.NONE, "no Linux sandbox works here", null);
        assertThat(SandboxExplainer.explain(new SandboxPolicy.ReadOnly(), cwd, Map.of(), none)).isEqualTo("""
                Policy: read-only
                Enforced by: nothing — no Linux sandbox works here
                Commands that need this sandbox will be refused, not run unconfined.
                Reading: allowed everywhere.
                Writing: not allowed anywhere (only /dev/null and similar devices).
                Network: off — not enforced; commands see CODEX_SANDBOX_NETWORK_DISABLED=1.
                """);
    }

    @Test
    void workspaceWriteUnderLandlockWithAMountNamespaceSaysRootsAreWritableWhole() throws Exception {
        assumeTrue(LandlockConfinement.abiVersion() >= 4, "needs Landlock ABI 4+ for the network wording");
        Path extra = Files.createDirectories(tmp.resolve("extra")).toRealPath();
        String text = SandboxExplainer.explain(new SandboxPolicy.WorkspaceWrite(List.of(extra.toString()), false, true,
                true), cwd, Map.of(), SandboxSelector.landlock(LandlockConfinement.Layout.MOUNT_NAMESPACE));
        assertThat(text).isEqualTo("Policy: workspace-write\n"
                + "Enforced by: Landlock (ABI " + LandlockConfinement.abiVersion()
                + ") + seccomp, applied to the thread that spawns each command, which also gets a private mount"
                + " namespace\n"
                + "Reading: allowed everywhere.\n"
                + "Writing: allowed only beneath these roots:\n"
                + "  " + extra + "\n"
                + "  " + cwd + " (working directory)\n"
                + "Kept read-only inside them:\n"
                + "  " + cwd + "/.git\n"
                + "  " + cwd + "/.codex (does not exist yet; the first sandboxed command creates it as an empty"
                + " directory so that it can be mounted read-only; putting anything in it needs approval)\n"
                + "Layout: whole roots. New files and directories can be created, deleted and renamed anywhere in"
                + " the writable roots except .git, .codex and .agents, which are read-only bind mounts that only the"
                + " command sees (writing there fails with \"Read-only file system\", moving or deleting them with"
                + " \"Device or resource busy\").\n"
                + "Network: off — Landlock denies TCP bind and connect, seccomp refuses every socket except"
                + " Unix-domain ones; commands see CODEX_SANDBOX_NETWORK_DISABLED=1.\n");
        assertThat(cwd.resolve(".codex")).as("explaining creates nothing").doesNotExist();
    }

    @Test
    void workspaceWriteUnderLandlockSplitListsTheSplitLimitationAndWhy() throws Exception {
        assumeTrue(LandlockConfinement.abiVersion() >= 1, "Landlock unavailable");
        String text = SandboxExplainer.explain(new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true), cwd,
                Map.of(), SandboxSelector.landlock(LandlockConfinement.Layout.SPLIT));
        assertThat(text).contains("Enforced by: Landlock (ABI " + LandlockConfinement.abiVersion()
                        + ") + seccomp, applied to the thread that spawns each command\n",
                "  " + cwd + "/.codex (does not exist yet; creating it needs approval)\n",
                "Layout: split.\n"
                + "Note: in " + cwd + " commands can change existing files and anything inside existing"
                + " sub-directories, but cannot create, delete or rename entries directly in it (Landlock cannot keep"
                + " a read-only path inside an otherwise writable directory, and there is no mount namespace to do"
                + " it: " + MountNamespace.unavailableReason().orElse("the split layout was selected")
                + "; directories on the way down to such a path are split the same way).\n");
    }

    @Test
    void aProtectedSymlinkIsStillSplitUnderTheMountLayouts() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("linked")).toRealPath();
        Files.createSymbolicLink(project.resolve(".git"), cwd.resolve(".git"));
        SandboxPolicy policy = new SandboxPolicy.WorkspaceWrite(List.of(), true, true, true);
        String note = "Note: in " + project + " commands can change existing files and anything inside existing"
                + " sub-directories, but cannot create, delete or rename entries directly in it (a protected symlink"
                + " cannot be mounted over";
        assertThat(SandboxExplainer.explain(policy, project, Map.of(),
                SandboxSelector.landlock(LandlockConfinement.Layout.MOUNT_NAMESPACE)))
                .contains("Layout: whole roots.", note + "; directories on the way down");
        assertThat(SandboxExplainer.explain(policy, project, Map.of(), new SandboxSelector(SandboxMechanism.BUBBLEWRAP,
                null, BubblewrapLauncher.at(Path.of("/usr/bin/bwrap"))))).contains("Layout: whole roots.", note + ").");
    }

    @Test
    void seatbeltNeedsNoSplitNoteAndNetworkOnIsSaid() {
        SandboxSelector seatbelt = new SandboxSelector(SandboxMechanism.SEATBELT, null, null);
        String text = SandboxExplainer.explain(new SandboxPolicy.WorkspaceWrite(List.of(), true, true, true), cwd,
                Map.of(), seatbelt);
        assertThat(text).contains("Enforced by: macOS Seatbelt (/usr/bin/sandbox-exec)\n", "Network: allowed.\n")
                .doesNotContain("Note:");
    }
}
