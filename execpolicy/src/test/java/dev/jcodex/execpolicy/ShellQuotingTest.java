package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link ShellQuoting#quote}/{@link ShellQuoting#join} against the quoting of the reference's {@code shlex}. */
class ShellQuotingTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "foobar|foobar",
            "git|git",
            "/usr/bin/git|/usr/bin/git",
            "a+b-c.d/e:f@g]h_9|a+b-c.d/e:f@g]h_9",
            "foo bar|'foo bar'",
            "rm -rf /some/important/folder|'rm -rf /some/important/folder'",
            "$HOME|'$HOME'",
            "a,b|'a,b'",
            "{x}|'{x}'",
            "x=1|'x=1'",
            "~/f|'~/f'",
            "it's|\"it's\"",
            "'\"|\"'\\\"\"",
            "foo\\bar|\"foo\\\\bar\"",
            "a'b$c|\"a'b\"'$c'",
            "it's $HOME|\"it's \"'$HOME'",
            "^x|'^x'",
            "a^b|a'^b'",
            "don't!|\"don't\"'!'",
            "héllo|'héllo'",
            "x\ty|'x\ty'",
    })
    void quotesLikeShlex(String word, String expected) {
        assertThat(ShellQuoting.quote(word)).isEqualTo(expected);
    }

    @Test
    void emptyWordIsTwoSingleQuotes() {
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
        assertThat(ShellQuoting.join(List.of("echo", ""))).isEqualTo("echo ''");
    }

    @Test
    void newlinesStayInsideSingleQuotes() {
        assertThat(ShellQuoting.quote("a\nb")).isEqualTo("'a\nb'");
    }

    @Test
    void joinSeparatesQuotedWordsWithOneSpace() {
        assertThat(ShellQuoting.join(List.of("bash", "-lc", "git push origin")))
                .isEqualTo("bash -lc 'git push origin'");
        assertThat(ShellQuoting.join(List.of())).isEmpty();
    }

    @Test
    void nulFallsBackToAPlainJoinLikeTheReference() {
        assertThat(ShellQuoting.tryJoin(List.of("echo", "a\0b"))).isEmpty();
        assertThat(ShellQuoting.join(List.of("echo", "a b", "c\0d"))).isEqualTo("echo a b c\0d");
    }

    @Test
    void quotedWordsSplitBackToTheSameWords() {
        List<String> words = List.of("echo", "it's $HOME", "a\\b", "^x", "", "x y", "héllo", "\"q\"");
        assertThat(ShellQuoting.split(ShellQuoting.join(words))).contains(words);
    }
}
