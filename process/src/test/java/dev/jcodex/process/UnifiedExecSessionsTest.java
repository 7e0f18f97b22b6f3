package dev.jcodex.process;

import static dev.jcodex.process.ProcFs.ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.process.UnifiedExecResult.Exited;
import dev.jcodex.process.UnifiedExecResult.Running;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedExecSessionsTest {

    private final UnifiedExecSessions sessions =
            new UnifiedExecSessions(ProcessLauncher.system(), 30_000, new SplittableRandom(7));

    @TempDir
    Path dir;

    @AfterEach
    void closeEverything() {
        sessions.closeAll();
    }

    private ExecRequest pipes(String script) {
        return ExecRequest.of(List.of("/bin/sh", "-c", script), dir, ENV);
    }

    private ExecRequest pty(String script) {
        return pipes(script).withTerminal(ExecRequest.Terminal.PTY);
    }

    @Test
    void commandThatExitsReturnsAtOnceWithTheReferenceBlock() throws Exception {
        UnifiedExecResult result = sessions.start(pipes("echo hi"), 10_000, 10_000);

        assertThat(result.state()).isEqualTo(new Exited(0));
        assertThat(result.output()).isEqualTo("hi\n");
        assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.render()).matches(
                "Chunk ID: [0-9a-f]{6}\nWall time: \\d+\\.\\d{4} seconds\nProcess exited with code 0\n"
                        + "Original token count: 1\nOutput:\nhi\n");
        assertThat(sessions.liveCount()).isZero();
    }

    @Test
    void runningProcessKeepsASessionAndLaterOutputArrivesOnPoll() throws Exception {
        UnifiedExecResult first = sessions.start(pipes("echo first; sleep 0.8; echo second; exit 3"), 250, 10_000);

        assertThat(first.output()).isEqualTo("first\n");
        int id = ((Running) first.state()).sessionId();
        assertThat(id).isBetween(UnifiedExecSessions.MIN_SESSION_ID, UnifiedExecSessions.MAX_SESSION_ID_EXCLUSIVE - 1);
        assertThat(first.render()).contains("\nProcess running with session ID " + id + "\n");
        assertThat(sessions.sessionIds()).containsExactly(id);

        UnifiedExecResult second = sessions.write(id, "", 250, 10_000);

        assertThat(second.state()).isEqualTo(new Exited(3));
        assertThat(second.output()).isEqualTo("second\n");
        assertThat(second.wallTime()).isLessThan(Duration.ofSeconds(4));
        assertThat(sessions.liveCount()).isZero();
        assertThatThrownBy(() -> sessions.write(id, "", 250, 10_000))
                .isInstanceOf(UnifiedExecException.class)
                .hasMessage("Unknown process id " + id)
                .extracting(e -> ((UnifiedExecException) e).kind())
                .isEqualTo(UnifiedExecException.Kind.UNKNOWN_PROCESS);
    }

    @Test
    void ptySessionEchoesInputAndKeepsState() throws Exception {
        UnifiedExecResult started = sessions.start(pty("while read line; do echo \"got:$line\"; done"), 250, 10_000);
        int id = ((Running) started.state()).sessionId();

        UnifiedExecResult a = sessions.write(id, "alpha\n", 500, 10_000);
        UnifiedExecResult b = sessions.write(id, "beta\n", 500, 10_000);

        assertThat(a.state()).isEqualTo(new Running(id));
        assertThat(a.output()).isEqualTo("alpha\r\ngot:alpha\r\n");
        assertThat(b.output()).isEqualTo("beta\r\ngot:beta\r\n");
    }

    @Test
    void catInAPtyExitsOnEndOfTransmission() throws Exception {
        int id = ((Running) sessions.start(pty("exec cat"), 250, 10_000).state()).sessionId();

        UnifiedExecResult echoed = sessions.write(id, "hello\n", 500, 10_000);
        UnifiedExecResult ended = sessions.write(id, "\u0004", 2_000, 10_000);

        assertThat(echoed.output()).isEqualTo("hello\r\nhello\r\n");
        assertThat(ended.state()).isEqualTo(new Exited(0));
        assertThat(sessions.liveCount()).isZero();
    }

    @Test
    void ptySessionWhoseProcessClosedItsTerminalKeepsRunningAndReportsItsOwnExit() throws Exception {
        String script = "echo ready; exec 0<&- 1>&- 2>&-; : > closed; while [ ! -e go ]; do sleep 0.05; done; exit 5";
        UnifiedExecResult started = sessions.start(pty(script), 250, 10_000);
        int id = ((Running) started.state()).sessionId();
        assertThat(ProcFs.eventually(Duration.ofSeconds(10), () -> Files.exists(dir.resolve("closed")))).isTrue();

        UnifiedExecResult written = sessions.write(id, "ignored\n", 250, 10_000);
        Files.createFile(dir.resolve("go"));
        UnifiedExecResult ended = sessions.write(id, "", 10_000, 10_000);

        assertThat(started.output()).isEqualTo("ready\r\n");
        assertThat(written.state()).isEqualTo(new Running(id));
        assertThat(ended.state()).isEqualTo(new Exited(5));
        assertThat(sessions.liveCount()).isZero();
    }

    @Test
    void outputStillDrainingAtTheExitIsReportedWithTheExit() throws Exception {
        // The listener holds the reader after the first chunk, so "b" is read only after collect gave up waiting.
        OutputListener slow = new OutputListener() {
            @Override
            public void onOutput(StreamKind stream, byte[] chunk) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        UnifiedExecResult result = sessions.start(pipes("printf a; sleep 0.1; printf b"), 10_000, 10_000, slow);

        assertThat(result.state()).isEqualTo(new Exited(0));
        assertThat(result.output()).isEqualTo("ab");
    }

    @Test
    void controlCReachesTheForegroundProcessThroughTheTerminal() throws Exception {
        int id = ((Running) sessions.start(pty("exec sleep 60"), 250, 10_000).state()).sessionId();

        UnifiedExecResult interrupted = sessions.write(id, "\u0003", 2_000, 10_000);

        assertThat(interrupted.state()).isEqualTo(new Exited(128 + 2));
    }

    @Test
    void pipedSessionsRefuseInput() throws Exception {
        int id = ((Running) sessions.start(pipes("sleep 30"), 250, 10_000).state()).sessionId();

        assertThatThrownBy(() -> sessions.write(id, "x", 250, 10_000))
                .isInstanceOf(UnifiedExecException.class)
                .hasMessage("stdin is closed for this session; rerun exec_command with tty=true to keep stdin open");
        assertThat(sessions.liveCount()).isEqualTo(1);
    }

    @Test
    void sessionsSeeTheReferenceSessionEnvironment() throws Exception {
        UnifiedExecResult result = sessions.start(pipes("echo $TERM $NO_COLOR $PAGER $GIT_PAGER $CODEX_CI $LC_ALL"),
                5_000, 10_000);

        assertThat(result.output()).isEqualTo("dumb 1 cat cat 1 C.UTF-8\n");
    }

    @Test
    void largeOutputIsTruncatedForTheModelButCountedInFull() throws Exception {
        UnifiedExecResult result = sessions.start(pipes("seq 1 2000"), 5_000, 100);

        assertThat(result.state()).isEqualTo(new Exited(0));
        assertThat(result.originalTokenCount()).isEqualTo((8893 + 3) / 4);
        assertThat(result.render())
                .contains("\nOriginal token count: 2224\nOutput:\nTotal output lines: 2000\n\n1\n2\n")
                .contains("tokens truncated")
                .endsWith("1999\n2000\n");
    }

    @Test
    void spawnFailureIsACreateProcessError() {
        assertThatThrownBy(() -> sessions.start(ExecRequest.of(List.of("no-such-program-xyz"), dir, ENV), 250, 100))
                .isInstanceOf(UnifiedExecException.class)
                .hasMessage("Failed to create unified exec process: failed to spawn `no-such-program-xyz`: "
                        + "No such file or directory (os error 2)");
        assertThat(sessions.liveCount()).isZero();
    }

    @Test
    void listenerStreamsOutputAndLearnsAboutABackgroundExit() throws Exception {
        StringBuilder streamed = new StringBuilder();
        CountDownLatch exited = new CountDownLatch(1);
        AtomicReference<String> transcript = new AtomicReference<>();
        OutputListener listener = new OutputListener() {
            @Override
            public synchronized void onOutput(StreamKind stream, byte[] chunk) {
                streamed.append(new String(chunk, StandardCharsets.UTF_8));
            }

            @Override
            public void onExit(int exitCode, String aggregatedOutput) {
                transcript.set(exitCode + ":" + aggregatedOutput);
                exited.countDown();
            }
        };

        sessions.start(pipes("echo a; sleep 0.5; echo b"), 250, 10_000, listener);

        assertThat(exited.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(transcript.get()).isEqualTo("0:a\nb\n");
        synchronized (listener) {
            assertThat(streamed).hasToString("a\nb\n");
        }
    }

    @Test
    void closeAllKillsEveryProcessTree() throws Exception {
        UnifiedExecResult a = sessions.start(pipes("sleep 60"), 250, 100);
        UnifiedExecResult b = sessions.start(pty("sleep 60"), 250, 100);
        assertThat(sessions.liveCount()).isEqualTo(2);
        List<Long> pids = ProcessHandle.current().children().map(ProcessHandle::pid).toList();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
        assertThat(a.state()).isInstanceOf(Running.class);
        assertThat(b.state()).isInstanceOf(Running.class);

        sessions.closeAll();

        assertThat(sessions.liveCount()).isZero();
        for (long pid : pids) {
            assertThat(ProcFs.eventually(Duration.ofSeconds(5), () -> !ProcFs.isRunning(pid))).isTrue();
        }
    }

    @Test
    void terminateKillsOneSession() throws Exception {
        int id = ((Running) sessions.start(pipes("sleep 60"), 250, 100).state()).sessionId();

        assertThat(sessions.terminate(id)).isTrue();
        assertThat(sessions.terminate(id)).isFalse();
        assertThat(sessions.liveCount()).isZero();
    }

    @Test
    void manySessionsWarnFromSixtyAndArePrunedAtSixtyFour() throws Exception {
        AtomicInteger warnings = new AtomicInteger();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<UnifiedExecResult>> results = new ArrayList<>();
            for (int i = 0; i < UnifiedExecSessions.MAX_SESSIONS + 2; i++) {
                results.add(callers.submit(() -> sessions.start(pipes("exec sleep 60"), 250, 100)));
            }
            for (Future<UnifiedExecResult> result : results) {
                result.get().warning().ifPresent(warning -> {
                    assertThat(warning).startsWith(
                            "The maximum number of unified exec processes you can keep open is 60 and you currently have");
                    warnings.incrementAndGet();
                });
            }
        }

        assertThat(sessions.liveCount()).isEqualTo(UnifiedExecSessions.MAX_SESSIONS);
        assertThat(warnings.get()).isGreaterThanOrEqualTo(UnifiedExecSessions.MAX_SESSIONS + 2 - 59);
    }
}
