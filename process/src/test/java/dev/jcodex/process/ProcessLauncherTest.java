package dev.jcodex.process;

import static dev.jcodex.process.ProcFs.ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLauncherTest {

    /** Starts an orphaned daemon in its own session that keeps stdout open; waits until it has left the session. */
    private static final String DAEMON = "echo hi; setsid -f sh -c 'echo $$ > daemon.tmp; mv daemon.tmp daemon.pid;"
            + " exec sleep 30'; while [ ! -s daemon.pid ]; do sleep 0.05; done";

    private final ProcessLauncher launcher = ProcessLauncher.system();

    @TempDir
    Path dir;

    private ExecRequest sh(String script) {
        return ExecRequest.of(List.of("/bin/sh", "-c", script), dir, ENV);
    }

    @Test
    void runCapturesStreamsSeparatelyAndTogether() throws Exception {
        ExecOutput out = launcher.run(sh("echo out; sleep 0.3; echo err >&2; sleep 0.3; echo again; exit 3"));

        assertThat(out.exitCode()).isEqualTo(3);
        assertThat(out.stdout()).isEqualTo("out\nagain\n");
        assertThat(out.stderr()).isEqualTo("err\n");
        assertThat(out.aggregated()).isEqualTo("out\nerr\nagain\n");
        assertThat(out.timedOut()).isFalse();
        assertThat(out.contentForModel()).isEqualTo(out.aggregated());
    }

    @Test
    void signalDeathMapsTo128PlusSignal() throws Exception {
        assertThat(launcher.run(sh("kill -TERM $$")).exitCode()).isEqualTo(128 + 15);
        assertThat(launcher.run(sh("kill -KILL $$")).exitCode()).isEqualTo(128 + 9);
    }

    @Test
    void timeoutKillsTheTreeAndReports124() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        ExecRequest request = sh("echo started; sleep 30 & echo $! > grandchild.pid; wait")
                .withTimeout(Duration.ofMillis(400));

        ExecOutput out = launcher.run(request);

        assertThat(out.exitCode()).isEqualTo(ExecOutput.TIMEOUT_EXIT_CODE);
        assertThat(out.timedOut()).isTrue();
        assertThat(out.aggregated()).isEqualTo("started\n");
        assertThat(out.contentForModel())
                .isEqualTo("command timed out after " + out.duration().toMillis() + " milliseconds\nstarted\n");
        long grandchild = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcFs.eventually(Duration.ofSeconds(5), () -> !ProcFs.isRunning(grandchild))).isTrue();
    }

    @Test
    void closeKillsGrandchildrenEvenWhenTheyHoldNoPipe() throws Exception {
        Path pidFile = dir.resolve("bg.pid");
        try (RunningProcess process = launcher.start(sh("sleep 60 >/dev/null 2>&1 & echo $! > bg.pid; sleep 60"))) {
            assertThat(ProcFs.eventually(Duration.ofSeconds(5), () -> Files.exists(pidFile)
                    && !readQuietly(pidFile).isBlank())).isTrue();
            long grandchild = Long.parseLong(readQuietly(pidFile).strip());
            assertThat(ProcFs.isRunning(grandchild)).isTrue();

            process.close();

            assertThat(ProcFs.eventually(Duration.ofSeconds(5), () -> !ProcFs.isRunning(grandchild))).isTrue();
            assertThat(ProcFs.isRunning(process.pid())).isFalse();
            assertThat(process.exitCode()).hasValue(128 + 9);
        }
    }

    @Test
    void closeKillsGrandchildrenInOtherProcessGroupsAndSessions() throws Exception {
        // `set -m` puts the background job in its own process group (same session); `setsid` moves the next one to a
        // new session while it is still a descendant. Only an orphaned process in its own session escapes.
        String script = "set -m; sleep 60 >/dev/null 2>&1 & echo $! > group.pid; "
                + "setsid sleep 61 >/dev/null 2>&1 & echo $! > session.pid; sleep 60";
        try (RunningProcess process = launcher.start(sh(script))) {
            Path groupFile = dir.resolve("group.pid");
            Path sessionFile = dir.resolve("session.pid");
            assertThat(ProcFs.eventually(Duration.ofSeconds(5),
                    () -> !readQuietly(groupFile).isBlank() && !readQuietly(sessionFile).isBlank())).isTrue();
            long otherGroup = Long.parseLong(readQuietly(groupFile).strip());
            long otherSession = Long.parseLong(readQuietly(sessionFile).strip());
            assertThat(ProcFs.eventually(Duration.ofSeconds(5),
                    () -> ProcFs.isRunning(otherGroup) && ProcFs.isRunning(otherSession))).isTrue();

            process.close();

            assertThat(ProcFs.eventually(Duration.ofSeconds(5),
                    () -> !ProcFs.isRunning(otherGroup) && !ProcFs.isRunning(otherSession))).isTrue();
        }
    }

    @Test
    void backgroundChildHoldingThePipeDoesNotHangARun() throws Exception {
        ExecOutput out = launcher.run(sh("echo hi; sleep 30 &"));

        assertThat(out.exitCode()).isZero();
        assertThat(out.stdout()).isEqualTo("hi\n");
        assertThat(out.duration()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void escapedDaemonHoldingThePipeIsCutOffAfterTheDrainTimeout() throws Exception {
        // setsid -f: a new session whose parent exits at once, so the tree kill cannot find it; it keeps stdout open.
        ExecRequest request = sh(DAEMON);
        try {
            ExecOutput out = launcher.run(request);

            assertThat(out.exitCode()).isZero();
            assertThat(out.stdout()).isEqualTo("hi\n");
        } finally {
            killDaemon(dir.resolve("daemon.pid"));
        }
    }

    @Test
    void escapedDaemonHoldingTheTerminalDoesNotBlockClose() throws Exception {
        ExecRequest request = sh(DAEMON)
                .withTerminal(ExecRequest.Terminal.PTY);
        try (RunningProcess process = launcher.start(request)) {
            assertThat(process.waitFor()).isZero();
            assertThat(process.awaitOutputClosed(Duration.ofMillis(300))).isFalse();

            process.close();

            assertThat(process.outputClosed()).isTrue();
            assertThat(process.stdout()).isEqualTo("hi\r\n");
        } finally {
            killDaemon(dir.resolve("daemon.pid"));
        }
    }

    private static void killDaemon(Path pidFile) throws InterruptedException {
        assertThat(ProcFs.eventually(Duration.ofSeconds(5), () -> !readQuietly(pidFile).isBlank())).isTrue();
        ProcessHandle.of(Long.parseLong(readQuietly(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void headCapKeepsTheFirstBytesOfEachStream() throws Exception {
        ExecRequest request = sh("head -c 5000 /dev/zero | tr '\\0' a; head -c 3000 /dev/zero | tr '\\0' b >&2")
                .withCaps(new OutputCaps(1000, OutputCaps.Retention.HEAD));

        ExecOutput out = launcher.run(request);

        assertThat(out.stdout()).isEqualTo("a".repeat(1000));
        assertThat(out.stderr()).isEqualTo("b".repeat(1000));
        // Which pipe's reader delivers first is up to the scheduler; the aggregate is capped either way.
        assertThat(out.aggregated()).hasSize(1000);
    }

    @Test
    void headAndTailCapDropsTheMiddle() throws Exception {
        ExecRequest request = sh("head -c 3000 /dev/zero | tr '\\0' a; head -c 3000 /dev/zero | tr '\\0' z")
                .withCaps(new OutputCaps(1000, OutputCaps.Retention.HEAD_AND_TAIL));

        ExecOutput out = launcher.run(request);

        assertThat(out.stdout()).isEqualTo("a".repeat(500) + "z".repeat(500));
    }

    @Test
    void stdinPipeReachesTheChild() throws Exception {
        ExecRequest request = ExecRequest.of(List.of("cat"), dir, ENV).withStdin(ExecRequest.Stdin.PIPE);
        try (RunningProcess process = launcher.start(request)) {
            assertThat(process.hasStdin()).isTrue();
            process.write("hello ");
            process.write("world".getBytes(StandardCharsets.UTF_8));
            process.closeStdin();
            assertThat(process.waitFor()).isZero();
            assertThat(process.awaitOutputClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(process.stdout()).isEqualTo("hello world");
        }
    }

    @Test
    void nullStdinReadsEndOfFileAndCannotBeWritten() throws Exception {
        try (RunningProcess process = launcher.start(ExecRequest.of(List.of("cat"), dir, ENV))) {
            assertThat(process.waitFor()).isZero();
            assertThat(process.hasStdin()).isFalse();
            assertThatThrownBy(() -> process.write("x")).isInstanceOf(ProcessException.class)
                    .hasMessageContaining("stdin");
        }
    }

    @Test
    void childGetsExactlyTheRequestedEnvironmentAndDirectory() throws Exception {
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "ONLY", "this one");
        ExecOutput envOut = launcher.run(ExecRequest.of(List.of("env"), dir, env));
        ExecOutput pwdOut = launcher.run(ExecRequest.of(List.of("pwd"), dir, env));

        assertThat(envOut.stdout().lines().sorted().toList()).containsExactly("ONLY=this one", "PATH=/usr/bin:/bin");
        assertThat(Path.of(pwdOut.stdout().strip())).isEqualTo(dir.toRealPath());
    }

    @Test
    void programIsFoundOnTheChildPathOrRelativeToTheWorkingDirectory() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path tool = bin.resolve("my-tool");
        Files.writeString(tool, "#!/bin/sh\necho tool ran with $1\n");
        tool.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin");

        assertThat(launcher.run(ExecRequest.of(List.of("my-tool", "x"), dir, env)).stdout()).isEqualTo("tool ran with x\n");
        assertThat(launcher.run(ExecRequest.of(List.of("./bin/my-tool", "y"), dir, ENV)).stdout())
                .isEqualTo("tool ran with y\n");
    }

    @Test
    void onlyTheStandardDescriptorsAreInherited() throws Exception {
        ExecOutput out = launcher.run(ExecRequest.of(List.of("ls", "/proc/self/fd"), dir, ENV));

        // ls opens one descriptor of its own (3) to read the directory.
        assertThat(out.stdout().lines().toList()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void childLeadsItsOwnSession() throws Exception {
        try (RunningProcess process = launcher.start(ExecRequest.of(List.of("sleep", "30"), dir, ENV))) {
            int pid = (int) process.pid();
            ProcessTree.Ids ids = ProcessTree.scan().stream().filter(entry -> entry.pid() == pid).findFirst()
                    .orElseThrow();

            assertThat(ids).isEqualTo(new ProcessTree.Ids(pid, (int) ProcessHandle.current().pid(), pid, pid));
        }
    }

    @Test
    void unusableRequestsFailBeforeAnythingRuns() {
        assertThatThrownBy(() -> launcher.run(ExecRequest.of(List.of("no-such-program-xyz"), dir, ENV)))
                .isInstanceOf(SpawnException.class)
                .hasMessage("failed to spawn `no-such-program-xyz`: No such file or directory (os error 2)");
        assertThatThrownBy(() -> launcher.run(ExecRequest.of(List.of("true"), dir.resolve("missing"), ENV)))
                .isInstanceOf(SpawnException.class)
                .hasMessageContaining("working directory");
        assertThatThrownBy(() -> launcher.run(ExecRequest.of(List.of("echo", "a\0b"), dir, ENV)))
                .isInstanceOf(SpawnException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> launcher.run(ExecRequest.of(List.of("true"), dir, Map.of("A=B", "c"))))
                .isInstanceOf(SpawnException.class);
    }

    @Test
    void listenerSeesEveryChunkAndTheExit() throws Exception {
        List<String> chunks = new CopyOnWriteArrayList<>();
        CountDownLatch exited = new CountDownLatch(1);
        int[] exitCode = new int[1];
        OutputListener listener = new OutputListener() {
            @Override
            public void onOutput(StreamKind stream, byte[] chunk) {
                chunks.add(stream + ":" + new String(chunk, StandardCharsets.UTF_8));
            }

            @Override
            public void onExit(int code, String aggregatedOutput) {
                exitCode[0] = code;
                exited.countDown();
            }
        };

        launcher.run(sh("echo one; sleep 0.3; echo two >&2; exit 4"), listener);

        assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(exitCode[0]).isEqualTo(4);
        assertThat(String.join("", chunks)).isEqualTo("STDOUT:one\nSTDERR:two\n");
    }

    @Test
    void throwingListenerDoesNotStopCapture() throws Exception {
        ExecOutput out = launcher.run(sh("echo a; echo b"), (stream, chunk) -> {
            throw new IllegalStateException("listener bug");
        });

        assertThat(out.stdout()).isEqualTo("a\nb\n");
    }

    @Test
    void invalidUtf8IsReplaced() throws Exception {
        ExecOutput out = launcher.run(sh("printf 'ok \\377 end'"));

        assertThat(out.stdout()).isEqualTo("ok \uFFFD end");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
