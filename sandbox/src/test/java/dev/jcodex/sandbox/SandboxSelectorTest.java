package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSelectorTest {

    private static final SandboxPolicy WS_NET_OFF = new SandboxPolicy.WorkspaceWrite(List.of(), false, true, true);
    private static final SandboxPolicy WS_NET_ON = new SandboxPolicy.WorkspaceWrite(List.of(), true, true, true);

    @TempDir Path cwd;

    @Test
    void dangerFullAccessRunsPlainWhateverTheMechanism() {
        for (SandboxMechanism mechanism : SandboxMechanism.values()) {
            assertThat(new SandboxSelector(mechanism, null, null).plan(new SandboxPolicy.DangerFullAccess(), cwd, Map.of()))
                    .isEqualTo(new SandboxPlan.RunPlain(Map.of()));
        }
    }

    @Test
    void landlockConfinesAndMarksTheNetworkAsDisabled() {
        SandboxPlan plan = new SandboxSelector(SandboxMechanism.LANDLOCK, null, null)
                .plan(new SandboxPolicy.ReadOnly(), cwd, Map.of());
        assertThat(plan).isInstanceOfSatisfying(SandboxPlan.Confine.class, confine -> {
            assertThat(confine.confinement()).isInstanceOf(LandlockConfinement.class);
            assertThat(confine.envAdditions()).isEqualTo(Map.of("CODEX_SANDBOX_NETWORK_DISABLED", "1"));
        });
        assertThat(plan.mechanism()).isEqualTo(SandboxMechanism.LANDLOCK);
        SandboxPlan withNetwork = new SandboxSelector(SandboxMechanism.LANDLOCK, null, null).plan(WS_NET_ON, cwd, Map.of());
        assertThat(withNetwork.envAdditions()).isEmpty();
    }

    /** This machine runs the JVM as root with every capability: the mount-namespace layout must be picked. */
    @Test
    void withCapSysAdminLandlockUsesAPrivateMountNamespace() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && LandlockConfinement.abiVersion() > 0);
        assumeTrue(MountNamespace.hasEffectiveCapability(java.nio.file.Files.readString(Path.of("/proc/self/status")),
                MountNamespace.CAP_SYS_ADMIN), "no CAP_SYS_ADMIN");
        assertThat(MountNamespace.unavailableReason()).isEmpty();
        SandboxPlan plan = SandboxSelector.detect().plan(WS_NET_OFF, cwd, Map.of());
        assertThat(((SandboxPlan.Confine) plan).confinement()).isInstanceOfSatisfying(LandlockConfinement.class,
                c -> assertThat(c.layout()).isEqualTo(LandlockConfinement.Layout.MOUNT_NAMESPACE));
    }

    @Test
    void linuxChoicePrefersWholeRootsOverASplitWorkspace() {
        var mountNs = LandlockConfinement.Layout.MOUNT_NAMESPACE;
        var split = LandlockConfinement.Layout.SPLIT;
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BooleanSupplier bwrapWorks = () -> probes.incrementAndGet() > 0;
        assertThat(SandboxSelector.linuxChoice(true, mountNs, bwrapWorks)).isEqualTo(SandboxMechanism.LANDLOCK);
        assertThat(probes).as("no bubblewrap probe when Landlock grants roots whole").hasValue(0);
        assertThat(SandboxSelector.linuxChoice(true, split, bwrapWorks)).isEqualTo(SandboxMechanism.BUBBLEWRAP);
        assertThat(SandboxSelector.linuxChoice(true, split, () -> false)).isEqualTo(SandboxMechanism.LANDLOCK);
        assertThat(SandboxSelector.linuxChoice(false, split, bwrapWorks)).isEqualTo(SandboxMechanism.BUBBLEWRAP);
        assertThat(SandboxSelector.linuxChoice(false, split, () -> false)).isEqualTo(SandboxMechanism.NONE);
    }

    @Test
    void bubblewrapWrapsTheArgv() {
        BubblewrapLauncher bwrap = BubblewrapLauncher.at(Path.of("/usr/bin/bwrap"));
        SandboxPlan plan = new SandboxSelector(SandboxMechanism.BUBBLEWRAP, null, bwrap).plan(WS_NET_OFF, cwd, Map.of());
        assertThat(plan).isEqualTo(new SandboxPlan.WrapArgv(SandboxMechanism.BUBBLEWRAP,
                bwrap.argvPrefix(WS_NET_OFF, cwd, Map.of()), Map.of("CODEX_SANDBOX_NETWORK_DISABLED", "1")));
        assertThat(((SandboxPlan.WrapArgv) plan).wrap(List.of("ls", "-l")))
                .endsWith("--", "ls", "-l").startsWith("/usr/bin/bwrap");
    }

    @Test
    void seatbeltWrapsWithSandboxExecAndSetsCodexSandbox() {
        SandboxPlan plan = new SandboxSelector(SandboxMechanism.SEATBELT, null, null).plan(WS_NET_ON, cwd, Map.of());
        assertThat(plan).isEqualTo(new SandboxPlan.WrapArgv(SandboxMechanism.SEATBELT,
                SeatbeltProfile.forPolicy(WS_NET_ON, cwd, Map.of()).argvPrefix(), Map.of("CODEX_SANDBOX", "seatbelt")));
    }

    @Test
    void anUnavailableMechanismRefusesInsteadOfRunningUnconfined() {
        SandboxSelector selector = new SandboxSelector(SandboxMechanism.LANDLOCK, "Landlock is not available", null);
        assertThat(selector.plan(WS_NET_OFF, cwd, Map.of())).isEqualTo(new SandboxPlan.Unavailable(
                "the workspace-write sandbox cannot be enforced: Landlock is not available"));
        assertThat(SandboxSelector.using(SandboxMechanism.NONE).plan(new SandboxPolicy.ReadOnly(), cwd, Map.of()))
                .isInstanceOf(SandboxPlan.Unavailable.class);
    }

    @Test
    void onThisLinuxMachineDetectionPicksLandlock() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && LandlockConfinement.abiVersion() > 0);
        SandboxSelector selector = SandboxSelector.detect();
        assertThat(selector.mechanism()).isEqualTo(SandboxMechanism.LANDLOCK);
        assertThat(selector.unavailableReason()).isEmpty();
        assertThat(selector.landlockLayout()).isEqualTo(MountNamespace.unavailableReason().isEmpty()
                ? LandlockConfinement.Layout.MOUNT_NAMESPACE : LandlockConfinement.Layout.SPLIT);
        assertThat(SandboxSelector.using(SandboxMechanism.SEATBELT).unavailableReason())
                .hasValue("/usr/bin/sandbox-exec is missing");
    }
}
