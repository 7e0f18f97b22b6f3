package dev.jcodex.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.exec.ResumeTarget.LastFlag;
import org.junit.jupiter.api.Test;

class ResumeTargetTest {
    @Test
    void withLastASinglePositionalIsThePrompt() {
        assertThat(ResumeTarget.select("fix the bug", null, LastFlag.LAST, null))
                .isEqualTo(new ResumeTarget.Selection(new ResumeTarget.Last(), "fix the bug"));
    }

    @Test
    void anIdAndAPromptAreBothUsed() {
        assertThat(ResumeTarget.select("my-thread", "go on", LastFlag.NOT_LAST, "root"))
                .isEqualTo(new ResumeTarget.Selection(new ResumeTarget.ById("my-thread"), "go on"));
    }

    @Test
    void aMissingResumePromptFallsBackToTheRootPrompt() {
        assertThat(ResumeTarget.select("id", null, LastFlag.NOT_LAST, "root"))
                .isEqualTo(new ResumeTarget.Selection(new ResumeTarget.ById("id"), "root"));
        assertThat(ResumeTarget.select(null, null, LastFlag.NOT_LAST, null))
                .isEqualTo(new ResumeTarget.Selection(new ResumeTarget.Unspecified(), null));
    }
}
