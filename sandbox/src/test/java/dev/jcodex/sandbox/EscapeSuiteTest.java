package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.sandbox.LandlockConfinement.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscapeSuiteTest {

    @TempDir Path scratch;

    /** The default on this machine: Landlock with a private mount namespace when the JVM may create one. */
    @Test
    void landlockContainsEveryAttackAndPassesEveryControl() throws Exception {
        assumeTrue(LandlockConfinement.abiVersion() > 0, "Landlock unavailable");
        List<AttackResult> results = EscapeSuite.run(scratch, SandboxSelector.using(SandboxMechanism.LANDLOCK),
                EscapeSuite.defaultChildEnv());
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(results).extracting(AttackResult::name).contains(
                "workspace-write: write into .git/hooks",
                "workspace-write: TCP connect to a loopback listener",
                "workspace-write: write through a symlink planted in the root",
                "workspace-write: write through a hard link to an outside file",
                "workspace-write: rename the root's parent directory",
                "workspace-write: write via /proc/self/root",
                "workspace-write: rename .git inside the root",
                "workspace-write: remove .git recursively",
                "workspace-write: unmount or remount .git, then write its hooks",
                "workspace-write: bind-mount a writable directory over .git",
                "workspace-write: write .git/hooks through this JVM's /proc/<pid>/root",
                "workspace-write: write into the working directory's .codex",
                "workspace-write, parent directory writable too: rename the project",
                "read-only: write a new file inside the root",
                "control: danger-full-access: TCP connect to a loopback listener",
                "control: workspace-write: write a new file in an existing sub-directory of the root",
                "host: no sandbox mount leaked into this JVM's mount namespace",
                "control: host: this JVM can still write .git");
        assertThat(EscapeSuite.allPassed(results)).isTrue();
        if (MountNamespace.unavailableReason().isEmpty()) {
            assertThat(results.getFirst().detail()).contains("the working directory is writable whole");
            assertThat(results).extracting(AttackResult::name).contains(
                    "workspace-write: remove the working directory's .codex",
                    "control: workspace-write: create a directory directly in the root",
                    "control: workspace-write: create a file directly in the root",
                    "control: workspace-write: delete a file directly in the root",
                    "control: workspace-write: edit a file directly in the root with sed -i",
                    "control: workspace-write: rename a file directly in the root",
                    "control: workspace-write, parent directory writable too: create a file directly in the parent");
        }
    }

    /** The layout unprivileged processes get: everything still contained, no top-level controls. */
    @Test
    void landlockSplitLayoutContainsEveryAttack() throws Exception {
        assumeTrue(LandlockConfinement.abiVersion() > 0, "Landlock unavailable");
        List<AttackResult> results = EscapeSuite.run(scratch, SandboxSelector.landlock(Layout.SPLIT),
                EscapeSuite.defaultChildEnv());
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(results.getFirst().detail()).contains("split layout");
        assertThat(results).extracting(AttackResult::name)
                .contains("workspace-write: create .codex in the working directory",
                        "workspace-write, parent directory writable too: rename the project")
                .doesNotContain("control: workspace-write: create a file directly in the root");
    }

    @Test
    void bubblewrapContainsEveryAttackAndPassesEveryControl() throws Exception {
        assumeTrue(BubblewrapLauncher.detect().isPresent(), "bubblewrap unavailable");
        List<AttackResult> results = EscapeSuite.run(scratch, SandboxSelector.using(SandboxMechanism.BUBBLEWRAP),
                EscapeSuite.defaultChildEnv());
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(results).extracting(AttackResult::name)
                .contains("control: workspace-write: create a file directly in the root");
    }

    /** With no sandbox at all the suite must report the escapes — it cannot pass vacuously. */
    @Test
    void withoutASandboxEveryAttackButTheEnvironmentFilterIsReportedAsAnEscape() throws Exception {
        List<AttackResult> results = EscapeSuite.run(scratch, (policy, cwd, env) -> new SandboxPlan.RunPlain(Map.of()),
                EscapeSuite.defaultChildEnv());
        List<AttackResult> attacks = results.stream()
                .filter(r -> r.expectation() == AttackResult.Expectation.CONTAINED).toList();
        assertThat(attacks).filteredOn(r -> !r.name().endsWith("see this JVM's secret-looking variables")
                        && !r.name().startsWith("host: "))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.contained()).as(r.toString()).isFalse());
        assertThat(EscapeSuite.allPassed(results)).isFalse();
    }

    @Test
    void anUnfilteredEnvironmentIsReportedAsALeak() throws Exception {
        assumeTrue(System.getenv("JCODEX_ESCAPE_PROBE_SECRET") != null, "surefire sets the probe secret");
        Map<String, String> leaky = new java.util.HashMap<>(EscapeSuite.defaultChildEnv());
        leaky.put("JCODEX_ESCAPE_PROBE_SECRET", System.getenv("JCODEX_ESCAPE_PROBE_SECRET"));
        List<AttackResult> results = EscapeSuite.run(scratch, SandboxSelector.detect(), leaky);
        assertThat(results).filteredOn(r -> r.name().endsWith("see this JVM's secret-looking variables"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r).isEqualTo(new AttackResult(r.name(), false,
                        "the child saw the values of JCODEX_ESCAPE_PROBE_SECRET", AttackResult.Expectation.CONTAINED)));
    }

    @Test
    void whenNoSandboxCanRunAttacksAreRefusedAndControlsFail() throws Exception {
        List<AttackResult> results = EscapeSuite.run(scratch, SandboxSelector.using(SandboxMechanism.NONE),
                EscapeSuite.defaultChildEnv());
        assertThat(results).filteredOn(r -> r.name().startsWith("read-only: "))
                .allSatisfy(r -> assertThat(r.detail()).startsWith("refused to run: "));
        assertThat(EscapeSuite.allPassed(results)).isFalse();
    }
}
