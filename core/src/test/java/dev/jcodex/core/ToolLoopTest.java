package dev.jcodex.core;

import static dev.jcodex.core.CoreHarness.prompt;
import static dev.jcodex.core.CoreHarness.untilTurnEnd;
import static dev.jcodex.core.TurnLoopTest.toolOutput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.Op;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Multi-step tool loops with real processes through the whole core. */
class ToolLoopTest {
    CoreHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new CoreHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void execCommandRunsUnderTheReadOnlySandboxAndReportsACommandItem() throws Exception {
        h.mock.enqueue(MockResponse.sse().reasoning(List.of("Planning to run echo."), List.of(), "ZW5j")
                        .functionCall("call_echo", "exec_command", "{\"cmd\":\"echo hi\",\"yield_time_ms\":2000}").build(),
                MockResponse.sse().message("The command printed: hi").build());
        CodexThread thread = h.start();
        thread.submit(prompt("Run echo hi"));
        List<EventMsg> events = untilTurnEnd(thread);

        assertThat(toolOutput(h.mock.modelRequests().get(1), "call_echo"))
                .contains("Process exited with code 0", "Output:\nhi\n");
        TurnItem.CommandExecution done = events.stream()
                .filter(e -> e instanceof EventMsg.ItemCompleted c && c.item() instanceof TurnItem.CommandExecution)
                .map(e -> (TurnItem.CommandExecution) ((EventMsg.ItemCompleted) e).item()).findFirst().orElseThrow();
        assertThat(done.id()).isEqualTo("call_echo");
        assertThat(done.command()).endsWith("-lc", "echo hi");
        assertThat(done.exitCode()).isZero();
        assertThat(done.aggregatedOutput()).isEqualTo("hi\n");
        assertThat(events.getLast()).isInstanceOf(EventMsg.TaskComplete.class);
    }

    @Test
    void multiStepLoopRunsCommandsAndPatchesInOrder() throws Exception {
        String patch = "*** Begin Patch\n*** Add File: notes.txt\n+step two\n*** End Patch";
        h.mock.enqueue(
                MockResponse.sse().functionCall("c1", "exec_command", "{\"cmd\":\"echo step one > one.txt\"}").build(),
                MockResponse.sse().customToolCall("c2", "apply_patch", patch).build(),
                MockResponse.sse().functionCall("c3", "exec_command", "{\"cmd\":\"cat one.txt notes.txt\"}").build(),
                MockResponse.sse().message("all done").build());
        CodexThread thread = h.manager.start(h.config(b -> b.sandboxMode(SandboxMode.DANGER_FULL_ACCESS)),
                new ThreadOptions(false, "exec"));
        thread.submit(prompt("do the steps"));
        List<EventMsg> events = untilTurnEnd(thread);

        assertThat(h.mock.modelRequests()).hasSize(4);
        assertThat(toolOutput(h.mock.modelRequests().get(3), "c3")).contains("step one\nstep two\n");
        assertThat(Files.readString(h.workdir.resolve("notes.txt"))).isEqualTo("step two\n");
        assertThat(events.getLast()).isEqualTo(new EventMsg.TaskComplete(thread.turns().getLast().id(), "all done"));
    }

    @Test
    void interruptMidCommandKillsItAndAbortsTheTurn() throws Exception {
        h.mock.enqueue(MockResponse.sse().functionCall("c_sleep", "exec_command",
                "{\"cmd\":\"sleep 30\",\"yield_time_ms\":25000}").build());
        CodexThread thread = h.manager.start(h.config(b -> b.sandboxMode(SandboxMode.DANGER_FULL_ACCESS)),
                new ThreadOptions(false, "exec"));
        String turnId = thread.submit(prompt("sleep"));
        waitForCommandStart(thread);
        long start = System.nanoTime();
        thread.submit(new Op.Interrupt());
        List<EventMsg> events = untilTurnEnd(thread);
        assertThat(events.getLast()).isEqualTo(new EventMsg.TurnAborted(turnId, EventMsg.AbortReason.INTERRUPTED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(h.mock.modelRequests()).hasSize(1);
    }

    @Test
    void commandThatTimesOutIsKilledAndTheModelIsTold() throws Exception {
        h.mock.enqueue(MockResponse.sse().functionCall("c_to", "exec_command",
                        "{\"cmd\":\"sleep 20; echo never\",\"yield_time_ms\":300}").build(),
                MockResponse.sse().functionCall("c_poll", "write_stdin",
                        "{\"session_id\":1000,\"chars\":\"\",\"yield_time_ms\":300}").build(),
                MockResponse.sse().message("still running, moving on").build());
        CodexThread thread = h.manager.start(h.config(b -> b.sandboxMode(SandboxMode.DANGER_FULL_ACCESS)),
                new ThreadOptions(false, "exec"));
        thread.submit(prompt("slow"));
        untilTurnEnd(thread);
        String first = toolOutput(h.mock.modelRequests().get(1), "c_to");
        assertThat(first).contains("Process running with session ID").doesNotContain("never");
        assertThat(h.mock.modelRequests()).hasSize(3);
    }

    private static void waitForCommandStart(CodexThread thread) throws InterruptedException {
        while (true) {
            CoreEvent e = thread.pollEvent(Duration.ofSeconds(20));
            if (e == null) {
                throw new AssertionError("command never started");
            }
            if (e.msg() instanceof EventMsg.ItemStarted s && s.item() instanceof TurnItem.CommandExecution) {
                return;
            }
        }
    }
}
