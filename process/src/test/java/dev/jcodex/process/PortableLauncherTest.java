package dev.jcodex.process;

import static dev.jcodex.process.ProcFs.ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.common.SpawnConfinement.SandboxUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ProcessBuilder fallback used where the native spawner is unavailable. */
class PortableLauncherTest {

    private final ProcessLauncher launcher = ProcessLauncher.portable();

    @TempDir
    Path dir;

    private ExecRequest sh(String script) {
        return ExecRequest.of(List.of("/bin/sh", "-c", script), dir, ENV);
    }

    @Test
    void runsPipedCommands() throws Exception {
        ExecOutput out = launcher.run(sh("echo out; echo err >&2; exit 2"));

        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.stdout()).isEqualTo("out\n");
        assertThat(out.stderr()).isEqualTo("err\n");
        assertThat(launcher.run(sh("kill -KILL $$")).exitCode()).isEqualTo(137);
    }

    @Test
    void timeoutKillsDescendants() throws Exception {
        ExecOutput out = launcher.run(sh("sleep 30 & echo $! > bg.pid; wait").withTimeout(Duration.ofMillis(300)));

        assertThat(out.exitCode()).isEqualTo(124);
        long grandchild = Long.parseLong(Files.readString(dir.resolve("bg.pid")).strip());
        assertThat(ProcFs.eventually(Duration.ofSeconds(5), () -> !ProcFs.isRunning(grandchild))).isTrue();
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThat(launcher.supportsConfinement()).isFalse();
        assertThat(launcher.supportsPty()).isFalse();
        assertThatThrownBy(() -> launcher.run(sh("true").withConfinement(new NoNewPrivs())))
                .isInstanceOf(SandboxUnavailableException.class);
        assertThatThrownBy(() -> launcher.run(sh("true").withTerminal(ExecRequest.Terminal.PTY)))
                .isInstanceOf(SpawnException.class);
    }
}
