package dev.jcodex.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.process.ShellCommand.Login;
import dev.jcodex.process.UserShell.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserShellTest {

    private static final Predicate<Path> ALL_EXIST = path -> true;

    @TempDir
    Path dir;

    private Path passwd(String... lines) throws Exception {
        return Files.writeString(dir.resolve("passwd"), String.join("\n", lines) + "\n");
    }

    @Test
    void shellVariableWins() throws Exception {
        UserShell shell = UserShell.detect(Map.of("SHELL", "/usr/bin/zsh"),
                passwd("alice:x:1000:1000::/home/alice:/bin/bash"), "alice", ALL_EXIST);

        assertThat(shell).isEqualTo(new UserShell(Kind.ZSH, Path.of("/usr/bin/zsh")));
        assertThat(shell.name()).isEqualTo("zsh");
    }

    @Test
    void passwdEntryIsUsedWithoutShellVariable() throws Exception {
        UserShell shell = UserShell.detect(Map.of(),
                passwd("root:x:0:0:root:/root:/bin/sh", "alice:x:1000:1000::/home/alice:/usr/local/bin/bash"),
                "alice", ALL_EXIST);

        assertThat(shell).isEqualTo(new UserShell(Kind.BASH, Path.of("/usr/local/bin/bash")));
    }

    @Test
    void unknownOrMissingShellsFallBackToBashThenSh() throws Exception {
        Path passwd = passwd("alice:x:1000:1000::/home/alice:/usr/bin/fish");
        Set<Path> existing = Set.of(Path.of("/usr/bin/fish"), Path.of("/bin/bash"));

        assertThat(UserShell.detect(Map.of("SHELL", "/usr/bin/fish"), passwd, "alice", existing::contains))
                .isEqualTo(new UserShell(Kind.BASH, Path.of("/bin/bash")));
        assertThat(UserShell.detect(Map.of("SHELL", "/missing/zsh"), passwd, "alice", path -> false))
                .isEqualTo(new UserShell(Kind.SH, Path.of("/bin/sh")));
        assertThat(UserShell.detect(Map.of("SHELL", "bash"), passwd, "bob", existing::contains))
                .isEqualTo(new UserShell(Kind.BASH, Path.of("/bin/bash")));
    }

    @Test
    void kindFollowsTheFileName() {
        assertThat(UserShell.kindOf(Path.of("/bin/dash"))).contains(Kind.SH);
        assertThat(UserShell.kindOf(Path.of("/opt/homebrew/bin/zsh"))).contains(Kind.ZSH);
        assertThat(UserShell.kindOf(Path.of("/usr/bin/fish"))).isEmpty();
    }

    @Test
    void detectOnThisMachineFindsARunnableShell() throws Exception {
        UserShell shell = UserShell.detect();

        ExecOutput out = ProcessLauncher.system().run(ExecRequest.of(
                ShellCommand.forScript(shell, "echo from $0", Login.NON_LOGIN), dir, ProcFs.ENV));
        assertThat(out.stdout()).isEqualTo("from " + shell.path() + "\n");
    }

    @Test
    void scriptsRunWithLoginOrPlainFlags() {
        UserShell bash = new UserShell(Kind.BASH, Path.of("/bin/bash"));

        assertThat(ShellCommand.forScript(bash, "echo hi", Login.LOGIN)).isEqualTo(List.of("/bin/bash", "-lc", "echo hi"));
        assertThat(ShellCommand.forScript(bash, "echo hi", Login.NON_LOGIN)).isEqualTo(List.of("/bin/bash", "-c", "echo hi"));
        assertThat(ShellWords.join(ShellCommand.forScript(bash, "echo hi", Login.LOGIN)))
                .isEqualTo("/bin/bash -lc 'echo hi'");
    }
}
