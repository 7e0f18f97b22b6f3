package dev.jcodex.process;

import static dev.jcodex.process.ProcFs.ENV;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PTY master stays open until the child has been reaped or killed. Closing it earlier hangs the terminal up,
 * and the kernel's SIGHUP kills a child that merely closed its terminal descriptors: GNU {@code cat} does
 * {@code close(0); close(1); close(2); exit_group(0)}, so a reader that closed the master at EIO turned ^D into exit
 * code 129 whenever it won the race against {@code exit_group}.
 */
class PtyTerminalLifetimeTest {

    private static final int CAT_ROUNDS = 50;

    private final ProcessLauncher launcher = ProcessLauncher.system();

    @TempDir
    Path dir;

    private ExecRequest pty(String script) {
        return ExecRequest.of(List.of("/bin/sh", "-c", script), dir, ENV).withTerminal(ExecRequest.Terminal.PTY);
    }

    @Test
    void childThatClosedItsTerminalIsNotHungUpWhileItRuns() throws Exception {
        try (RunningProcess process = launcher.start(pty("echo bye; exec 0<&- 1>&- 2>&-; sleep 0.3; exit 3"))) {
            assertThat(process.awaitOutputClosed(Duration.ofSeconds(10))).isTrue();
            assertThat(process.waitFor(Duration.ofSeconds(10))).isTrue();

            assertThat(process.exitCode()).hasValue(3);
            assertThat(process.aggregatedOutput()).isEqualTo("bye\r\n");
        }
    }

    @Test
    void childThatClosedItsTerminalStillAcceptsWritesUntilClosed() throws Exception {
        RunningProcess process = launcher.start(pty("exec 0<&- 1>&- 2>&-; sleep 0.3"));
        try (process) {
            assertThat(process.awaitOutputClosed(Duration.ofSeconds(10))).isTrue();

            process.write("ignored\n");

            assertThat(process.waitFor()).isZero();
        }
        assertThat(process.exitCode()).hasValue(0);
    }

    @Test
    void catExitsWithZeroOnEndOfTransmissionEveryTime() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < CAT_ROUNDS; round++) {
            try (RunningProcess process = launcher.start(pty("exec cat"))) {
                process.write("hello\n");
                boolean echoed = ProcFs.eventually(Duration.ofSeconds(10),
                        () -> process.aggregatedOutput().equals("hello\r\nhello\r\n"));
                process.write("\u0004");
                boolean exited = process.waitFor(Duration.ofSeconds(10));
                if (!echoed || !exited || process.exitCode().orElse(-1) != 0) {
                    failures.add("round " + round + ": exit " + process.exitCode() + ", output "
                            + process.aggregatedOutput().replace("\r", "\\r").replace("\n", "\\n"));
                }
            }
        }

        assertThat(failures).isEmpty();
    }
}
