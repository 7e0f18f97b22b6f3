package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DangerousCommandsTest {

    @Test
    void forcedRmIsDangerous() {
        for (List<String> argv : List.of(
                List.of("rm", "-rf", "/"), List.of("rm", "-f", "/"), List.of("/bin/rm", "-fr", "/tmp/x"),
                List.of("rm", "-r", "-f", "/tmp/x"), List.of("rm", "--force", "/tmp/x"), List.of("rm", "/tmp/x", "-f"),
                List.of("sudo", "rm", "-rf", "/tmp/x"), List.of("sudo", "sudo", "rm", "-Rf", "x"))) {
            assertThat(DangerousCommands.mightBeDangerous(argv)).as(argv.toString()).isTrue();
        }
    }

    @Test
    void otherCommandsAreNot() {
        for (List<String> argv : List.<List<String>>of(
                List.of("rm", "-r", "/tmp/x"), List.of("rm", "--", "-f"), List.of("rm"), List.of("sudo"),
                List.of(), List.of("ls", "-f"), List.of("rmdir", "-f"), List.of("rm", "--verbose", "x"))) {
            assertThat(DangerousCommands.mightBeDangerous(argv)).as(argv.toString()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rm -rf /tmp/x", "ls && rm -rf /tmp/x", "printf x | rm -rf /tmp/example",
        "if test -d /tmp/example; then rm --force /tmp/example; fi", "rm -rf \"$TARGET\" >/dev/null",
        "for target in /tmp/a /tmp/b; do rm -r -f \"$target\"; done", "echo \"$(rm -rf /tmp/example)\"",
        "echo `sudo rm -rf /`", "f() { rm -rf x; }", "function f { rm -rf x; }", "HOME=$(mktemp -d) rm -rf x",
        "python3 <<EOF\n$(rm -rf /)\nEOF", "(cd /tmp && rm -fr x)",
        "for a in '-C5a' '--'; do HOME=$(mktemp -d) X=1 node cli.cjs ls \"$a\" >/tmp/o 2>/tmp/e; code=$?; "
                + "printf '%s\\t%s\\n' \"$a\" \"$code\" \"$(tr '\\n' ' ' </tmp/e)\"; rm -rf \"$HOME\"; done"
    })
    void forcedRmInsideScripts(String script) {
        assertThat(DangerousCommands.mightBeDangerous(List.of("bash", "-lc", script))).as(script).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "echo 'rm -rf /tmp/example'", "cmd=rm; $cmd -rf /tmp/example", "rm -r x", "ls -f", "cat <<'EOF'\nrm -rf /\nEOF",
        "echo \"rm -rf x\""
    })
    void scriptsWithoutForcedRm(String script) {
        assertThat(DangerousCommands.mightBeDangerous(List.of("bash", "-lc", script))).as(script).isFalse();
    }
}
