package dev.jcodex.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void rendersTheReferenceExecCommand() {
        assertThat(ShellWords.join(List.of("/bin/bash", "-lc", "echo hi"))).isEqualTo("/bin/bash -lc 'echo hi'");
    }

    @Test
    void safeWordsStayBare() {
        assertThat(ShellWords.quote("foobar")).isEqualTo("foobar");
        assertThat(ShellWords.quote("a+b-c.d/e:f@g]h_i")).isEqualTo("a+b-c.d/e:f@g]h_i");
        assertThat(ShellWords.join(List.of("git", "status", "--short"))).isEqualTo("git status --short");
    }

    @Test
    void emptyWordIsTwoQuotes() {
        assertThat(ShellWords.quote("")).isEqualTo("''");
        assertThat(ShellWords.join(List.of("echo", ""))).isEqualTo("echo ''");
        assertThat(ShellWords.join(List.of())).isEmpty();
    }

    @Test
    void specialCharactersUseSingleQuotes() {
        assertThat(ShellWords.quote("foo bar")).isEqualTo("'foo bar'");
        assertThat(ShellWords.quote("$HOME")).isEqualTo("'$HOME'");
        assertThat(ShellWords.quote("a=b")).isEqualTo("'a=b'");
        assertThat(ShellWords.quote("*.java")).isEqualTo("'*.java'");
        assertThat(ShellWords.quote("x,y")).isEqualTo("'x,y'");
        assertThat(ShellWords.quote("line1\nline2")).isEqualTo("'line1\nline2'");
        assertThat(ShellWords.quote("héllo")).isEqualTo("'héllo'");
    }

    @Test
    void singleQuotesAndBackslashesUseDoubleQuotes() {
        assertThat(ShellWords.quote("it's")).isEqualTo("\"it's\"");
        assertThat(ShellWords.quote("'\"")).isEqualTo("\"'\\\"\"");
        assertThat(ShellWords.quote("a\\b")).isEqualTo("\"a\\\\b\"");
        assertThat(ShellWords.quote("echo 'hi there'")).isEqualTo("\"echo 'hi there'\"");
    }

    @Test
    void mixedNeedsAreSplitIntoChunks() {
        // A dollar sign cannot be double-quoted and a single quote cannot be single-quoted.
        assertThat(ShellWords.quote("$x'y")).isEqualTo("'$x'\"'y\"");
        assertThat(ShellWords.quote("echo '$HOME'")).isEqualTo("\"echo '\"'$HOME'\"'\"");
    }

    @Test
    void caretIsOnlySafeRightAfterAnOpeningSingleQuote() {
        assertThat(ShellWords.quote("^foo")).isEqualTo("'^foo'");
        assertThat(ShellWords.quote("a^b")).isEqualTo("a'^b'");
        assertThat(ShellWords.quote("!")).isEqualTo("'!'");
    }

    @Test
    void nulCharactersAreNotRendered() {
        assertThat(ShellWords.join(List.of("echo", "a\0b"))).isEqualTo(ShellWords.NUL_PLACEHOLDER);
        assertThatThrownBy(() -> ShellWords.quote("\0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotedWordsRoundTripThroughARealShell() throws Exception {
        List<String> words = List.of("plain", "two words", "it's", "$HOME", "back\\slash", "^caret", "mix$'\"`!",
                "", "tab\there", "ünï");
        String script = "printf '%s\\n' " + String.join(" ", words.stream().map(ShellWords::quote).toList());
        ExecOutput out = ProcessLauncher.system().run(ExecRequest.of(List.of("/bin/sh", "-c", script),
                java.nio.file.Path.of("/"), ProcFs.ENV));

        assertThat(out.stdout()).isEqualTo(String.join("\n", words) + "\n");
    }
}
