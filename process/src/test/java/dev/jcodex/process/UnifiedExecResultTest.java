package dev.jcodex.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.process.UnifiedExecResult.Exited;
import dev.jcodex.process.UnifiedExecResult.Running;
import dev.jcodex.process.UnifiedExecSessions.PruneCandidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnifiedExecResultTest {

    @Test
    void rendersTheReferenceCapture() {
        // reference-runs/b_shell_echo/request-last.json
        UnifiedExecResult result = new UnifiedExecResult("5cc1d9", Duration.ZERO, new Exited(0), "hi\n", 10_000,
                Optional.empty());

        assertThat(result.render()).isEqualTo(
                "Chunk ID: 5cc1d9\nWall time: 0.0000 seconds\nProcess exited with code 0\nOriginal token count: 1\n"
                        + "Output:\nhi\n");
    }

    @Test
    void runningSessionAndEmptyOutput() {
        UnifiedExecResult result = new UnifiedExecResult("00ab12", Duration.ofMillis(1203).plusNanos(400_000),
                new Running(4821), "", 10_000, Optional.empty());

        assertThat(result.render()).isEqualTo(
                "Chunk ID: 00ab12\nWall time: 1.2034 seconds\nProcess running with session ID 4821\n"
                        + "Original token count: 0\nOutput:\n");
    }

    @Test
    void truncatedOutputKeepsTheOriginalTokenCount() {
        String output = "x".repeat(100) + "\n" + "y".repeat(100) + "\n";
        UnifiedExecResult result = new UnifiedExecResult("abcdef", Duration.ofMillis(5), new Exited(1), output, 10,
                Optional.empty());

        assertThat(result.render()).isEqualTo("Chunk ID: abcdef\nWall time: 0.0050 seconds\nProcess exited with code 1\n"
                + "Original token count: 51\nOutput:\nTotal output lines: 2\n\n"
                + "x".repeat(20) + "…41 tokens truncated…" + "y".repeat(19) + "\n");
    }

    @Test
    void wallTimeRoundsLikeRust() {
        assertThat(UnifiedExecResult.seconds(Duration.ZERO)).isEqualTo("0.0000");
        assertThat(UnifiedExecResult.seconds(Duration.ofNanos(49_999))).isEqualTo("0.0000");
        assertThat(UnifiedExecResult.seconds(Duration.ofNanos(50_001))).isEqualTo("0.0001");
        assertThat(UnifiedExecResult.seconds(Duration.ofSeconds(75, 123_456_789))).isEqualTo("75.1235");
    }

    @Test
    void execYieldIsClamped() {
        assertThat(UnifiedExecSessions.clampExecYield(0)).isEqualTo(250);
        assertThat(UnifiedExecSessions.clampExecYield(2_000)).isEqualTo(2_000);
        assertThat(UnifiedExecSessions.clampExecYield(UnifiedExecSessions.DEFAULT_EXEC_YIELD_MS)).isEqualTo(10_000);
        assertThat(UnifiedExecSessions.clampExecYield(120_000)).isEqualTo(30_000);
    }

    @Test
    void writeYieldDependsOnWhetherInputWasSent() {
        assertThat(UnifiedExecSessions.clampWriteYield(UnifiedExecSessions.DEFAULT_WRITE_YIELD_MS, "ls\n", 300_000))
                .isEqualTo(250);
        assertThat(UnifiedExecSessions.clampWriteYield(10, "x", 300_000)).isEqualTo(250);
        assertThat(UnifiedExecSessions.clampWriteYield(100_000, "x", 300_000)).isEqualTo(30_000);
        assertThat(UnifiedExecSessions.clampWriteYield(250, "", 300_000)).isEqualTo(5_000);
        assertThat(UnifiedExecSessions.clampWriteYield(60_000, "", 300_000)).isEqualTo(60_000);
        assertThat(UnifiedExecSessions.clampWriteYield(900_000, "", 300_000)).isEqualTo(300_000);
        assertThat(UnifiedExecSessions.clampWriteYield(900_000, "", 1_000)).isEqualTo(5_000);
    }

    @Test
    void pruningSparesTheEightMostRecentAndPrefersExited() {
        List<PruneCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candidates.add(new PruneCandidate(1000 + i, i, i == 1 || i == 9));
        }

        // 9 is exited but among the 8 most recent; 1 is the oldest exited one outside them.
        assertThat(UnifiedExecSessions.choosePrune(candidates)).contains(1001);
        candidates.set(1, new PruneCandidate(1001, 1, false));
        assertThat(UnifiedExecSessions.choosePrune(candidates)).contains(1000);
        assertThat(UnifiedExecSessions.choosePrune(candidates.subList(0, 8))).isEmpty();
    }
}
