package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscapeSuiteTest {

    @TempDir Path scratch;

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
                "read-only: write a new file inside the root",
                "control: danger-full-access: TCP connect to a loopback listener",
                "control: workspace-write: write a new file in an existing sub-directory of the root");
        assertThat(EscapeSuite.allPassed(results)).isTrue();
    }

    @Test
    void bubblewrapContainsEveryAttackAndPassesEveryControl() throws Exception {
        assumeTrue(BubblewrapLauncher.detect().isPresent(), "bubblewrap unavailable");
        List<AttackResult> results = EscapeSuite.run(scratch, SandboxSelector.using(SandboxMechanism.BUBBLEWRAP),
                EscapeSuite.defaultChildEnv());
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    /** With no sandbox at all the suite must report the escapes — it cannot pass vacuously. */
    @Test
    void withoutASandboxEveryAttackButTheEnvironmentFilterIsReportedAsAnEscape() throws Exception {
        List<AttackResult> results = EscapeSuite.run(scratch, (policy, cwd, env) -> new SandboxPlan.RunPlain(Map.of()),
                EscapeSuite.defaultChildEnv());
        List<AttackResult> attacks = results.stream()
                .filter(r -> r.expectation() == AttackResult.Expectation.CONTAINED).toList();
        assertThat(attacks).filteredOn(r -> !r.name().endsWith("see this JVM's secret-looking variables"))
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
