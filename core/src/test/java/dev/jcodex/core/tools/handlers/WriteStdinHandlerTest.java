package dev.jcodex.core.tools.handlers;

import static dev.jcodex.core.tools.handlers.ExecCommandHandlerTest.sessionId;
import static dev.jcodex.core.tools.handlers.ShellCommandHandlerTest.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteStdinHandlerTest {

    @TempDir
    Path tmp;
    private ExecFakeTurn turn;
    private ExecCommandHandler exec;
    private WriteStdinHandler stdin;

    @BeforeEach
    void setUp() throws Exception {
        turn = ExecFakeTurn.in(tmp).policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());
        exec = new ExecCommandHandler(new ApplyPatchHandler(ApplyPatchHandler.Variant.FREEFORM,
                new TurnDiffTracker()));
        stdin = new WriteStdinHandler();
    }

    @AfterEach
    void tearDown() {
        turn.close();
    }

    private ToolResult.Text start(String arguments) throws InterruptedException {
        return (ToolResult.Text) exec.handle(turn.call("call-start", "exec_command", arguments));
    }

    private ToolResult.Text write(String arguments) throws InterruptedException {
        return (ToolResult.Text) stdin.handle(turn.call("call-write", "write_stdin", arguments));
    }

    @Test
    void aTerminalSessionTakesInputUntilItExits() throws Exception {
        ToolResult.Text started = start(args("cmd", "while read line; do [ \"$line\" = quit ] && exit 0;"
                + " echo \"got:$line\"; done", "tty", true, "yield_time_ms", 250));
        int id = sessionId(started);

        ToolResult.Text echoed = write(args("session_id", id, "chars", "hello\n", "yield_time_ms", 500));

        assertThat(echoed.text()).contains("Process running with session ID " + id)
                .endsWith("Output:\nhello\r\ngot:hello\r\n");
        assertThat(turn.commandItems(EventMsg.ItemCompleted.class)).isEmpty();
        ToolResult.Text ended = write(args("session_id", id, "chars", "quit\n", "yield_time_ms", 2000));
        assertThat(ended.text()).contains("Process exited with code 0");
        TurnItem.CommandExecution done = turn.completedCommand();
        assertThat(done.id()).isEqualTo("call-start");
        assertThat(done.exitCode()).isZero();
        assertThat(done.aggregatedOutput()).isEqualTo("hello\r\ngot:hello\r\nquit\r\n");
        assertThat(turn.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EventMsg.CommandOutputDelta.class,
                d -> assertThat(d.itemId()).isEqualTo("call-start")));
        assertThat(write(args("session_id", id)).text()).isEqualTo("Unknown process id " + id);
    }

    @Test
    void anUnknownSessionIsReportedToTheModel() throws Exception {
        ToolResult.Text result = write(args("session_id", 4242, "chars", "x"));

        assertThat(result.success()).isFalse();
        assertThat(result.text()).isEqualTo("Unknown process id 4242");
        assertThat(write(args("session_id", 10_000_000_000L)).text()).isEqualTo("Unknown process id 10000000000");
    }

    @Test
    void aPipedSessionRejectsInput() throws Exception {
        int id = sessionId(start(args("cmd", "sleep 30", "yield_time_ms", 250)));

        ToolResult.Text result = write(args("session_id", id, "chars", "hi\n"));

        assertThat(result.success()).isFalse();
        assertThat(result.text()).contains("stdin is closed for this session");
        assertThat(turn.execRuntime().unifiedExec().sessionIds()).contains(id);
    }

    @Test
    void interruptingAPollKillsTheSessionsProcess() throws Exception {
        int id = sessionId(start(args("cmd", "sleep 60 & echo $! > bg.pid; wait", "yield_time_ms", 250)));
        Path pidFile = turn.cwd().resolve("bg.pid");

        Throwable thrown = ProcessProbe.interruptWhenExists(pidFile,
                () -> write(args("session_id", id, "yield_time_ms", 60_000)));

        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(ProcessProbe.alive(ProcessProbe.readPid(pidFile))).isFalse();
        assertThat(turn.execRuntime().unifiedExec().sessionIds()).doesNotContain(id);
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.FAILED);
    }

    @Test
    void closingTheRuntimeKillsRunningSessions() throws Exception {
        start(args("cmd", "sleep 60 & echo $! > bg.pid; wait", "yield_time_ms", 250));
        long pid = ProcessProbe.readPid(turn.cwd().resolve("bg.pid"));
        assertThat(ProcessProbe.alive(pid)).isTrue();

        turn.execRuntime().close();

        assertThat(ProcessProbe.alive(pid)).isFalse();
    }

    @Test
    void malformedArgumentsAreToolArgumentErrors() {
        for (String bad : List.of("{", args(), args("session_id", "12"), args("session_id", -1),
                args("session_id", 1.5), args("session_id", 1000, "chars", 5),
                args("session_id", 1000, "yield_time_ms", "later"))) {
            assertThatThrownBy(() -> write(bad)).as(bad).isInstanceOf(ToolArgumentException.class)
                    .hasMessageContaining("write_stdin");
        }
    }
}
