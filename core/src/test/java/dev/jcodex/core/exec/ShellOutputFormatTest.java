package dev.jcodex.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.process.ExecOutput;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShellOutputFormatTest {

    private static ExecOutput output(int code, String text, Duration duration, boolean timedOut) {
        return new ExecOutput(code, text, "", text, duration, timedOut);
    }

    @Test
    void jsonCarriesOutputExitCodeAndDurationRoundedToATenth() {
        assertThat(ShellOutputFormat.json(output(0, "hi\n", Duration.ofMillis(1234), false), 10_000))
                .isEqualTo("{\"output\":\"hi\\n\",\"metadata\":{\"exit_code\":0,\"duration_seconds\":1.2}}");
        assertThat(ShellOutputFormat.json(output(1, "", Duration.ofMillis(20), false), 10_000))
                .isEqualTo("{\"output\":\"\",\"metadata\":{\"exit_code\":1,\"duration_seconds\":0.0}}");
    }

    @Test
    void jsonTruncatesWithTheLineCountPrefix() {
        String json = ShellOutputFormat.json(output(0, "line\n".repeat(100), Duration.ZERO, false), 5);
        assertThat(json).startsWith("{\"output\":\"Total output lines: 100\\n\\nline")
                .contains("tokens truncated");
    }

    @Test
    void textPrintsWholeSecondsWithoutDecimalsAndTheTimeoutNotice() {
        assertThat(ShellOutputFormat.text(output(124, "partial\n", Duration.ofMillis(2000), true), 10_000))
                .isEqualTo("Exit code: 124\nWall time: 2 seconds\nOutput:\ncommand timed out after 2000"
                        + " milliseconds\npartial\n");
        assertThat(ShellOutputFormat.text(output(0, "ok", Duration.ofMillis(460), false), 10_000))
                .isEqualTo("Exit code: 0\nWall time: 0.5 seconds\nOutput:\nok");
    }

    @Test
    void textAddsTheLineCountOnlyWhenTruncationChangedIt() {
        String text = ShellOutputFormat.text(output(0, "x\n".repeat(50), Duration.ZERO, false), 4);
        assertThat(text).startsWith("Exit code: 0\nWall time: 0 seconds\nTotal output lines: 50\nOutput:\nx\n")
                .contains("tokens truncated");
    }

    @Test
    void theBudgetFallsBackToTheDefaultWhenTheTurnHasNone() {
        String text = ShellOutputFormat.text(output(0, "y".repeat(1000), Duration.ZERO, false), 0);
        assertThat(text).endsWith("y".repeat(1000));
    }
}
