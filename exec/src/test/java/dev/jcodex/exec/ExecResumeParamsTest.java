package dev.jcodex.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.protocol.AskForApproval;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code exec resume} asks the server not to rebuild the earlier turns it never shows. */
class ExecResumeParamsTest {
    static final String THREAD = "019a0000-0000-7000-8000-000000000001";

    @Test
    void resumeExcludesTheStoredTurnsAndKeepsTheOverrides() throws Exception {
        ExecHarness h = new ExecHarness(Fixtures.started(THREAD, "gpt-5.5", "openai", Fixtures.READ_ONLY),
                new Fixtures.Script(THREAD).turnStarted().turnCompleted().steps());
        ExecHarness.Run run = h.run(ExecOptions.builder(Path.of(Fixtures.WORKDIR)).prompt("next")
                .skipGitRepoCheck(true).outputMode(OutputMode.JSONL).model("gpt-5.5").modelProvider("openai")
                .resume(new ResumeTarget.ById(THREAD)).build());

        assertThat(run.exitCode()).isZero();
        ThreadResumeParams p = h.server().request(Methods.THREAD_RESUME).paramsAs(ThreadResumeParams.class);
        assertThat(p.excludeTurns()).isTrue();
        assertThat(p.threadId()).isEqualTo(THREAD);
        assertThat(p.model()).isEqualTo("gpt-5.5");
        assertThat(p.modelProvider()).isEqualTo("openai");
        assertThat(p.approvalPolicy()).isEqualTo(AskForApproval.NEVER);
    }
}
