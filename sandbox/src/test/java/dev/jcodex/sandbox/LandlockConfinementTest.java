package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.common.SpawnConfinement.SandboxUnavailableException;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.sandbox.LandlockConfinement.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Landlock + seccomp in the split layout (forced here; it is what unprivileged processes get).
 * {@link MountNamespaceLayoutTest} covers the mount-namespace layout.
 */
class LandlockConfinementTest {

    private static final SandboxPolicy WORKSPACE = new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true);

    @TempDir Path tmp;
    private Path root;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        Files.createDirectories(root.resolve(".git/hooks"));
        Files.createDirectories(root.resolve("src/deep"));
        Files.writeString(root.resolve("top.txt"), "top\n");
        outside = Files.createDirectories(tmp.resolve("outside")).toRealPath();
        Files.writeString(outside.resolve("victim.txt"), "original\n");
    }

    @Test
    void writesInsideSubdirectoriesWorkAndProtectedPathsStayReadOnly() throws Exception {
        ShellRun run = confined(WORKSPACE, Map.of(),
                "echo a > src/deep/new.txt && echo ok1; echo b >> top.txt && echo ok2;"
                        + " echo c > .git/hooks/pre-commit || echo denied3; mkdir .codex || echo denied4;"
                        + " echo d > " + EscapeProbes.q(outside.resolve("x.txt")) + " || echo denied5");
        assertThat(run.stdout().lines()).containsExactly("ok1", "ok2", "denied3", "denied4", "denied5");
        assertThat(Files.readString(root.resolve("src/deep/new.txt"))).isEqualTo("a\n");
        assertThat(Files.readString(root.resolve("top.txt"))).isEqualTo("top\nb\n");
        assertThat(root.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(root.resolve(".codex")).doesNotExist();
        assertThat(run.stderr()).contains("Permission denied");
    }

    /** The documented price of the carve-outs: no new entries directly in a root that has protected names. */
    @Test
    void entriesDirectlyInAProtectedRootCannotBeCreatedDeletedOrRenamed() throws Exception {
        ShellRun run = confined(WORKSPACE, Map.of(),
                "echo x > new.txt || echo no-create; rm top.txt || echo no-delete; mv src src2 || echo no-rename");
        assertThat(run.stdout().lines()).containsExactly("no-create", "no-delete", "no-rename");
        assertThat(root.resolve("top.txt")).exists();
        assertThat(root.resolve("src")).isDirectory();
    }

    @Test
    void aRootWithoutProtectedNamesIsWritableWhole() throws Exception {
        Path scratch = Files.createDirectories(tmp.resolve("tmpdir")).toRealPath();
        SandboxPolicy policy = new SandboxPolicy.WorkspaceWrite(List.of(), false, false, true);
        ShellRun run = confined(policy, Map.of("TMPDIR", scratch.toString()),
                "echo x > " + EscapeProbes.q(scratch.resolve("direct.txt")) + " && mkdir "
                        + EscapeProbes.q(scratch.resolve("d")) + " && echo done");
        assertThat(run.stdout()).isEqualTo("done\n");
        assertThat(scratch.resolve("direct.txt")).hasContent("x");
    }

    @Test
    void readOnlyAllowsNoWritesButTheDevices() throws Exception {
        ShellRun run = confined(new SandboxPolicy.ReadOnly(), Map.of(),
                "echo x > /dev/null && echo null-ok; echo x > src/deep/f || echo denied; cat top.txt");
        assertThat(run.stdout().lines()).containsExactly("null-ok", "denied", "top");
    }

    /** ABI 1 lacks REFER, TRUNCATE and network rules; everything still holds, via seccomp where needed. */
    @Test
    void anOlderAbiStillContainsWritesTruncationAndNetwork() throws Exception {
        assumeTrue(LandlockConfinement.abiVersion() >= 1, "Landlock unavailable");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) || Files.isExecutable(Path.of("/usr/local/bin/python3"))
                || onPath("python3"), "python3 needed for truncate(2)");
        LandlockConfinement abi1 = LandlockConfinement.forPolicy(WORKSPACE, root, Map.of(),
                new LandlockConfinement.Support(1, null), Layout.SPLIT);
        String victim = EscapeProbes.q(outside.resolve("victim.txt"));
        ShellRun run = ShellRun.confined(abi1, root,
                "echo x > src/a.txt && echo write-ok; echo y > " + victim + " || echo write-denied;"
                        + " python3 -c 'import os,sys; os.truncate(sys.argv[1], 0)' " + victim
                        + " 2>/dev/null || echo truncate-denied;"
                        + " python3 -c 'import os; os.rename(\"src/a.txt\", \"src/deep/a.txt\")' 2>/dev/null"
                        + " || echo reparent-denied; mv src/a.txt src/deep/a.txt && echo mv-copied;"
                        + " python3 -c 'import socket; socket.socket()' 2>/dev/null || echo socket-denied");
        assertThat(run.stdout().lines()).containsExactly("write-ok", "write-denied", "truncate-denied",
                "reparent-denied", "mv-copied", "socket-denied");
        assertThat(outside.resolve("victim.txt")).hasContent("original");
    }

    @Test
    void rootLosesPrivilegedCapabilitiesInsideTheSandbox() throws Exception {
        assumeTrue(Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t"), "not running as root");
        ShellRun run = confined(WORKSPACE, Map.of(), "grep CapBnd /proc/self/status");
        long bounding = Long.parseUnsignedLong(run.stdout().strip().split("\\s+")[1], 16);
        assertThat(bounding & (1L << 21)).as("CAP_SYS_ADMIN").isZero();
        assertThat(bounding & (1L << 38)).as("CAP_PERFMON").isZero();
        assertThat(bounding & 1L).as("CAP_CHOWN kept").isNotZero();
    }

    @Test
    void theSpawningJvmThreadsStayFree() throws Exception {
        confined(WORKSPACE, Map.of(), "true");
        Files.writeString(outside.resolve("jvm-can-write.txt"), "yes");
        assertThat(outside.resolve("jvm-can-write.txt")).hasContent("yes");
    }

    @Test
    void withoutLandlockTheSpawnIsRefusedNotRunUnconfined() {
        LandlockConfinement unavailable = LandlockConfinement.forPolicy(WORKSPACE, root, Map.of(),
                new LandlockConfinement.Support(0, "Landlock is not available on this kernel (test)"), Layout.SPLIT);
        assertThatThrownBy(() -> ShellRun.confined(unavailable, root, "echo escaped > "
                + EscapeProbes.q(outside.resolve("ran.txt"))))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessage("Landlock is not available on this kernel (test)");
        assertThat(outside.resolve("ran.txt")).doesNotExist();
    }

    @Test
    void dangerFullAccessNeedsNoConfinementAndVirtualThreadsAreRejected() throws Exception {
        assertThatThrownBy(() -> LandlockConfinement.forPolicy(new SandboxPolicy.DangerFullAccess(), root, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                LandlockConfinement.forPolicy(WORKSPACE, root, Map.of()).applyToCurrentThread();
            } catch (Throwable t) {
                failure.set(t);
            }
        }).join();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
    }

    private ShellRun confined(SandboxPolicy policy, Map<String, String> env, String script) throws Exception {
        assumeTrue(LandlockConfinement.abiVersion() >= 1, "Landlock unavailable");
        return ShellRun.confined(LandlockConfinement.forPolicy(policy, root, env, Layout.SPLIT), root, script);
    }

    private static boolean onPath(String program) {
        for (String dir : ShellRun.ENV.get("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
