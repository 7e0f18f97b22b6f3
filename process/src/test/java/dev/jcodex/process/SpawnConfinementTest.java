package dev.jcodex.process;

import static dev.jcodex.process.ProcFs.ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.common.SpawnConfinement.SandboxUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnConfinementTest {

    private final ProcessLauncher launcher = ProcessLauncher.system();

    @TempDir
    Path dir;

    @BeforeEach
    void jvmStartsWithoutNoNewPrivs() throws Exception {
        assumeThat(ProcFs.threadsWithNoNewPrivs()).as("the JVM itself already runs with no_new_privs").isEmpty();
        assumeThat(launcher.supportsConfinement()).isTrue();
    }

    private ExecRequest sh(String script, SpawnConfinement confinement) {
        return ExecRequest.of(List.of("/bin/sh", "-c", script), dir, ENV).withConfinement(confinement);
    }

    @Test
    void unavailableConfinementSpawnsNothing() throws Exception {
        SpawnConfinement unavailable = () -> {
            throw new SandboxUnavailableException("Landlock is not supported by this kernel");
        };
        long descriptorsBefore = openDescriptors();

        assertThatThrownBy(() -> launcher.run(sh("touch marker", unavailable)))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessage("refusing to run `/bin/sh` unconfined: Landlock is not supported by this kernel");

        assertThat(dir.resolve("marker")).doesNotExist();
        assertThat(openDescriptors()).isEqualTo(descriptorsBefore);
    }

    @Test
    void anyConfinementFailureIsTreatedAsUnavailable() {
        SpawnConfinement broken = () -> {
            throw new IllegalStateException("seccomp filter rejected");
        };

        assertThatThrownBy(() -> launcher.run(sh("touch marker", broken)))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("seccomp filter rejected")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("marker")).doesNotExist();
    }

    @Test
    void confinementIsAppliedOnAFreshPlatformThreadAndInheritedByTheChild() throws Exception {
        NoNewPrivs confinement = new NoNewPrivs();

        ExecOutput confined = launcher.run(sh("grep NoNewPrivs /proc/self/status", confinement));
        ExecOutput free = launcher.run(sh("grep NoNewPrivs /proc/self/status", SpawnConfinement.NONE));

        assertThat(confined.stdout()).isEqualTo("NoNewPrivs:\t1\n");
        assertThat(free.stdout()).isEqualTo("NoNewPrivs:\t0\n");
        Thread spawnThread = confinement.appliedOn;
        assertThat(spawnThread).isNotSameAs(Thread.currentThread());
        assertThat(spawnThread.isVirtual()).isFalse();
        assertThat(spawnThread.getName()).isEqualTo("jcodex-confined-spawn");
        spawnThread.join(5_000);
        assertThat(spawnThread.isAlive()).isFalse();
        assertThat(ProcFs.threadsWithNoNewPrivs()).isEmpty();
    }

    @Test
    void noJvmThreadInheritsTheConfinement() throws Exception {
        // Concurrent confined spawns from virtual threads while long-lived children are running: the situations in
        // which a JDK ProcessBuilder would create a "process reaper" thread from the confined thread.
        List<RunningProcess> sleepers = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RunningProcess>> started = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                started.add(callers.submit(() -> launcher.start(sh("sleep 30", new NoNewPrivs()))));
            }
            for (int i = 0; i < 4; i++) {
                started.add(callers.submit(() -> launcher.start(ExecRequest.of(List.of("cat"), dir, ENV)
                        .withTerminal(ExecRequest.Terminal.PTY).withConfinement(new NoNewPrivs()))));
            }
            for (Future<RunningProcess> future : started) {
                sleepers.add(future.get());
            }
            List<Future<ExecOutput>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(callers.submit(() -> launcher.run(sh("echo $$", new NoNewPrivs()))));
            }
            for (Future<ExecOutput> run : runs) {
                assertThat(run.get().exitCode()).isZero();
            }
        } finally {
            sleepers.forEach(RunningProcess::close);
        }

        assertThat(ProcFs.threadsWithNoNewPrivs()).isEmpty();
    }

    @Test
    void confinedPtyChildGetsItsTerminalAndTheRestriction() throws Exception {
        ExecRequest request = ExecRequest.of(List.of("/bin/sh", "-c", "tty; grep NoNewPrivs /proc/self/status"), dir,
                ENV).withTerminal(ExecRequest.Terminal.PTY).withConfinement(new NoNewPrivs());
        try (RunningProcess process = launcher.start(request)) {
            assertThat(process.waitFor()).isZero();
            assertThat(process.awaitOutputClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(process.stdout()).matches("(?s)/dev/pts/\\d+\r\nNoNewPrivs:\t1\r\n");
        }
    }

    @Test
    void spawnFailureOnTheConfinedThreadPropagates() {
        Path notExecutable = dir.resolve("data.txt");
        assertThatThrownBy(() -> {
            Files.writeString(notExecutable, "not a program");
            launcher.run(ExecRequest.of(List.of("./data.txt"), dir, ENV).withConfinement(new NoNewPrivs()));
        }).isInstanceOf(SpawnException.class).hasMessageContaining("Permission denied");
    }

    private static long openDescriptors() throws Exception {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
