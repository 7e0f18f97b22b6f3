package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BashCommandParserTest {

    private static Optional<List<List<String>>> parse(String script) {
        return BashCommandParser.parsePlainCommands(script);
    }

    @Test
    void singleCommand() {
        assertThat(parse("ls -1")).contains(List.of(List.of("ls", "-1")));
    }

    @Test
    void everyAllowedOperatorSplitsCommands() {
        assertThat(parse("ls && pwd; echo 'hi there' | wc -l || true")).contains(List.of(
                List.of("ls"), List.of("pwd"), List.of("echo", "hi there"), List.of("wc", "-l"), List.of("true")));
    }

    @Test
    void operatorsNeedNoSpaces() {
        assertThat(parse("ls&&pwd|wc -l;id")).contains(List.of(
                List.of("ls"), List.of("pwd"), List.of("wc", "-l"), List.of("id")));
    }

    @Test
    void quotesAreRemoved() {
        assertThat(parse("echo \"hello world\" 'hi there'"))
                .contains(List.of(List.of("echo", "hello world", "hi there")));
    }

    @Test
    void doubleQuotedStringsMayContainNewlines() {
        assertThat(parse("git commit -m \"line1\nline2\""))
                .contains(List.of(List.of("git", "commit", "-m", "line1\nline2")));
    }

    @Test
    void adjacentQuotedPartsConcatenate() {
        assertThat(parse("echo \"/usr\"'/'\"local\"/bin")).contains(List.of(List.of("echo", "/usr/local/bin")));
        assertThat(parse("rg -n \"foo\" -g\"*.py\"")).contains(List.of(List.of("rg", "-n", "foo", "-g*.py")));
        assertThat(parse("grep -n 'pattern' -g'*.txt'")).contains(List.of(List.of("grep", "-n", "pattern", "-g*.txt")));
    }

    @Test
    void backslashEscapesOutsideQuotes() {
        assertThat(parse("echo foo\\ bar \\$HOME \\*")).contains(List.of(List.of("echo", "foo bar", "$HOME", "*")));
    }

    @Test
    void backslashInsideDoubleQuotesEscapesOnlySpecialCharacters() {
        assertThat(parse("echo \"a\\\"b\" \"c\\$d\" \"e\\\\f\" \"g\\nh\""))
                .contains(List.of(List.of("echo", "a\"b", "c$d", "e\\f", "g\\nh")));
    }

    @Test
    void backslashIsLiteralInsideSingleQuotes() {
        assertThat(parse("echo 'a\\b' 'c\"d'")).contains(List.of(List.of("echo", "a\\b", "c\"d")));
    }

    @Test
    void emptyQuotedWordIsAnEmptyArgument() {
        assertThat(parse("echo '' \"\"")).contains(List.of(List.of("echo", "", "")));
    }

    @Test
    void numbersAndAssignmentLikeArgumentsAreWords() {
        assertThat(parse("echo 123 x=1 --a=b '#' \"a#b\"")).contains(List.of(List.of("echo", "123", "x=1", "--a=b", "#", "a#b")));
        assertThat(parse("echo a#b")).as("an unquoted # inside a word is not plain").isEmpty();
    }

    @Test
    void newlinesSeparateCommandsAndMayFollowOperators() {
        assertThat(parse("\n\nls\npwd\n")).contains(List.of(List.of("ls"), List.of("pwd")));
        assertThat(parse("ls &&\n  pwd |\n wc")).contains(List.of(List.of("ls"), List.of("pwd"), List.of("wc")));
        assertThat(parse("ls;")).contains(List.of(List.of("ls")));
    }

    @Test
    void lineContinuationJoinsLines() {
        assertThat(parse("ls \\\n  -la")).contains(List.of(List.of("ls", "-la")));
    }

    @Test
    void reservedWordsAreOrdinaryArguments() {
        assertThat(parse("echo if then fi")).contains(List.of(List.of("echo", "if", "then", "fi")));
    }

    @Test
    void commandNamesMustBeBareWords() {
        assertThat(parse("'if' x")).isEmpty();
        assertThat(parse("\"ls\" -la")).isEmpty();
        assertThat(parse("ls && 'rm' x")).isEmpty();
        assertThat(parse("\\ls")).isEmpty();
        assertThat(parse("-la\"p q\"")).isEmpty();
        assertThat(parse("ls | 2")).isEmpty();
        assertThat(parse("a#b x")).isEmpty();
        assertThat(parse("7z x a.7z")).contains(List.of(List.of("7z", "x", "a.7z")));
        assertThat(parse("-x y")).isEmpty();
        assertThat(parse("!if")).isEmpty();
        assertThat(parse("é x")).isEmpty();
        assertThat(parse("l\\\ns")).isEmpty();
        assertThat(parse("./build.sh --x=1 && /usr/bin/g++ -o a a.c && python3.12 -V && c++filt x"))
                .contains(List.of(List.of("./build.sh", "--x=1"), List.of("/usr/bin/g++", "-o", "a", "a.c"),
                        List.of("python3.12", "-V"), List.of("c++filt", "x")));
    }

    @Test
    void nonAsciiTextIsKept() {
        assertThat(parse("echo \"héllo wörld\" ünï")).contains(List.of(List.of("echo", "héllo wörld", "ünï")));
    }

    @Test
    void operatorsAreKeptForNormalisation() {
        PlainScript script = BashCommandParser.parsePlainScript("ls  -la &&pwd\nwc 'a b'").orElseThrow();
        assertThat(script).isEqualTo(new PlainScript(
                List.of(List.of("ls", "-la"), List.of("pwd"), List.of("wc", "a b")), List.of("&&", ";")));
        assertThat(script.normalized()).isEqualTo("ls -la && pwd; wc 'a b'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(ls)", "ls || (pwd && echo hi)", "{ ls; }", "ls > out.txt", "ls >> out.txt", "cat < in.txt", "ls 2>&1",
        "ls &> out", "echo hi & echo bye", "ls &", "ls |& wc", "echo $(pwd)", "echo `pwd`", "echo $HOME",
        "echo \"hi $USER\"", "echo \"hi ${USER}\"", "echo \"$(pwd)\"", "echo \"`pwd`\"", "echo $((1+2))",
        "echo $'a\\tb'", "echo $\"msg\"", "echo $", "FOO=bar ls", "FOO+=bar ls", "a=1", "ls &&", "&& ls", "ls ;; pwd",
        "; ls", "ls; ;", "ls | | wc", "ls |", "ls *.txt", "ls file?", "ls [ab]", "echo {a,b}", "echo {1..3}",
        "cd ~", "ls ~/x", "echo a=~/x", "echo PATH=/bin:~/bin", "ls # comment", "# only a comment", "cat <<EOF\nhi\nEOF", "cat <<< hi",
        "if true; then ls; fi", "for x in a b; do echo $x; done", "while true; do ls; done", "until false; do ls; done",
        "case x in x) ls;; esac", "! ls", "time ls", "function f { ls; }", "f() { ls; }", "[[ -f x ]]", "select x in a",
        "coproc ls", "echo <(ls)", "diff <(ls) >(wc)", "'unterminated", "\"unterminated", "trailing\\",
        "echo `unterminated", "echo $(unterminated", "ls \\\n", "ls x\\\n", "ls x\\ ", "", "   ", "\n\n", ";", "ls\r", "echo a\u0001b", "ls \0"
    })
    void notPlain(String script) {
        assertThat(parse(script)).as(script).isEmpty();
    }

    @Test
    void heredocCommandPrefix() {
        assertThat(BashCommandParser.parseHeredocCommandPrefix("python3 <<'EOF'\nprint(1)\nEOF"))
                .contains(List.of("python3"));
        assertThat(BashCommandParser.parseHeredocCommandPrefix("python3 - <<EOF\nprint($x)\nEOF\n"))
                .contains(List.of("python3", "-"));
        assertThat(BashCommandParser.parseHeredocCommandPrefix("cat <<-EOF\n\tline\n\tEOF")).contains(List.of("cat"));
        assertThat(BashCommandParser.parseHeredocCommandPrefix("python3 <<'EOF'\n$(rm -rf /)\nEOF"))
                .as("a quoted delimiter disables expansion").contains(List.of("python3"));
        assertThat(BashCommandParser.parseHeredocCommandPrefix("grep -n x <<< 'hello world'"))
                .contains(List.of("grep", "-n", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ls", "python3 <<EOF\n$(rm -rf /)\nEOF", "python3 <<EOF\n`rm -rf /`\nEOF", "cat <<EOF > out.txt\nx\nEOF",
        "cat <<EOF | sh\nx\nEOF", "python3 <<EOF\nx\nEOF\nrm -rf /", "grep x <<< \"$(rm -rf /)\"",
        "python3 <<EOF\nprint(1)", "'python3' <<EOF\nx\nEOF", "$PY <<EOF\nx\nEOF", "<<EOF\nx\nEOF", "if <<EOF\nx\nEOF",
        "cat < in <<EOF\nx\nEOF"
    })
    void notAHeredocCommand(String script) {
        assertThat(BashCommandParser.parseHeredocCommandPrefix(script)).as(script).isEmpty();
    }

    @Test
    void literalCommandsFindCommandsInsideComplexSyntax() {
        assertThat(BashCommandParser.literalCommands(
                "if test -d /tmp/x; then rm -f \"$T\" >/dev/null; fi; echo \"$(id -u)\" | HOME=/h env; $cmd -rf x"))
                .contains(List.of(List.of("test", "-d", "/tmp/x"), List.of("rm", "-f", "$T"), List.of("id", "-u"),
                        List.of("echo", "$(id -u)"), List.of("env")));
        assertThat(BashCommandParser.literalCommands("for t in a b; do rm -r \"$t\"; done"))
                .contains(List.of(List.of("rm", "-r", "$t")));
        assertThat(BashCommandParser.literalCommands("echo 'unterminated")).isEmpty();
    }
}
