package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellInvocationTest {

    @Test
    void recognisesShellScriptForms() {
        assertThat(ShellInvocation.unwrap(List.of("bash", "-lc", "ls && pwd")))
                .contains(new ShellInvocation("bash", ShellInvocation.Kind.BASH, "-lc", "ls && pwd"));
        assertThat(ShellInvocation.unwrap(List.of("bash", "-c", "ls")))
                .contains(new ShellInvocation("bash", ShellInvocation.Kind.BASH, "-c", "ls"));
        assertThat(ShellInvocation.unwrap(List.of("/bin/bash", "-lc", "ls")))
                .contains(new ShellInvocation("/bin/bash", ShellInvocation.Kind.BASH, "-lc", "ls"));
        assertThat(ShellInvocation.unwrap(List.of("zsh", "-lc", "ls")))
                .contains(new ShellInvocation("zsh", ShellInvocation.Kind.ZSH, "-lc", "ls"));
        assertThat(ShellInvocation.unwrap(List.of("/usr/bin/zsh", "-c", "ls")))
                .contains(new ShellInvocation("/usr/bin/zsh", ShellInvocation.Kind.ZSH, "-c", "ls"));
        assertThat(ShellInvocation.unwrap(List.of("sh", "-c", "ls")))
                .contains(new ShellInvocation("sh", ShellInvocation.Kind.SH, "-c", "ls"));
    }

    @Test
    void otherShapesAreNotShellInvocations() {
        assertThat(ShellInvocation.unwrap(List.of("bash", "-l", "-c", "ls"))).isEmpty();
        assertThat(ShellInvocation.unwrap(List.of("bash", "-lc", "git", "status"))).isEmpty();
        assertThat(ShellInvocation.unwrap(List.of("bash", "-x", "ls"))).isEmpty();
        assertThat(ShellInvocation.unwrap(List.of("bash", "-lc"))).isEmpty();
        assertThat(ShellInvocation.unwrap(List.of("python3", "-c", "print(1)"))).isEmpty();
        assertThat(ShellInvocation.unwrap(List.of("fish", "-c", "ls"))).isEmpty();
        assertThat(ShellInvocation.unwrap(List.of("mybash", "-c", "ls"))).isEmpty();
        assertThat(ShellInvocation.unwrap(List.of())).isEmpty();
    }

    @Test
    void plainCommandsOfTheScript() {
        assertThat(ShellInvocation.unwrap(List.of("bash", "-lc", "ls -la | wc -l")).orElseThrow().plainCommands())
                .contains(List.of(List.of("ls", "-la"), List.of("wc", "-l")));
        assertThat(ShellInvocation.unwrap(List.of("bash", "-lc", "ls > x")).orElseThrow().plainCommands()).isEmpty();
    }
}
