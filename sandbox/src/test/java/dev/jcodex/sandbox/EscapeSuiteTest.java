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
        results.forEach(r -> System.out.println((r.passed() ? "PASS " : "FAIL ") + r));
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }

    @Test
    void bubblewrapContainsEveryAttackAndPassesEveryControl() throws Exception {
        assumeTrue(BubblewrapLauncher.detect().isPresent(), "bubblewrap unavailable");
        List<AttackResult> results = EscapeSuite.run(scratch, SandboxSelector.using(SandboxMechanism.BUBBLEWRAP),
                EscapeSuite.defaultChildEnv());
        results.forEach(r -> System.out.println((r.passed() ? "PASS " : "FAIL ") + r));
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    }
}
