package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {

    private static final Path FILE = Path.of("/rules/test.rules");

    @TempDir
    Path tmp;

    private static Policy parse(String source) {
        return PolicyLoader.parse(FILE, source);
    }

    private static RulesFileException failure(String source) {
        try {
            parse(source);
        } catch (RulesFileException e) {
            return e;
        }
        throw new AssertionError("expected a RulesFileException for:\n" + source);
    }

    @Test
    void parsesPrefixRulesWithAlternativesCommentsAndTrailingCommas() {
        Policy policy = parse("""
                # allow read-only git
                prefix_rule(
                    pattern = ["git", ["status", "log"]],  # alternatives
                    decision = "allow",
                    justification = 'read only',
                    match = [["git", "status"], "git log -p"],
                    not_match = ["git push"],
                )
                prefix_rule(pattern=[["npm", "pnpm"], "publish"], decision="forbidden")
                prefix_rule(pattern=["make"])
                """);
        assertThat(policy.prefixRules()).containsExactly(
                new PrefixRule("git", List.of(new PatternToken.Alternatives(List.of("status", "log"))), Decision.ALLOW,
                        Optional.of("read only")),
                new PrefixRule("npm", List.of(new PatternToken.Single("publish")), Decision.FORBIDDEN, Optional.empty()),
                new PrefixRule("pnpm", List.of(new PatternToken.Single("publish")), Decision.FORBIDDEN, Optional.empty()),
                new PrefixRule("make", List.of(), Decision.ALLOW, Optional.empty()));
    }

    @Test
    void supportsVariablesConcatenationPositionalArgumentsAndStringForms() {
        Policy policy = parse("""
                GIT = ["git"]
                READ = ["status"] + ["diff"]
                prefix_rule(GIT + [READ], "prompt"); prefix_rule(pattern=[r"C:\\bin", '''multi
                line''', "tab\\there", "\\u00e9\\x41"], justification=None)
                """);
        assertThat(policy.prefixRules()).containsExactly(
                new PrefixRule("git", List.of(new PatternToken.Alternatives(List.of("status", "diff"))), Decision.PROMPT,
                        Optional.empty()),
                new PrefixRule("C:\\bin", List.of(new PatternToken.Single("multi\nline"), new PatternToken.Single("tab\there"),
                        new PatternToken.Single("éA")), Decision.ALLOW, Optional.empty()));
    }

    @Test
    void singleAlternativeListIsASingleToken() {
        assertThat(parse("prefix_rule(pattern=[\"git\", [\"push\"]])").prefixRules())
                .containsExactly(new PrefixRule("git", List.of(new PatternToken.Single("push")), Decision.ALLOW,
                        Optional.empty()));
    }

    @Test
    void parsesNetworkRulesAndHostExecutables() {
        Policy policy = parse("""
                network_rule(host="API.Example.com.:443", protocol="https", decision="deny", justification="no")
                network_rule(host="[::1]:8080", protocol="http", decision="allow")
                host_executable(name="git", paths=["/usr/bin/git", "/opt/homebrew/bin/git", "/usr/bin/git"])
                """);
        assertThat(policy.networkRules()).containsExactly(
                new NetworkRule("api.example.com", NetworkRule.Protocol.HTTPS, Decision.FORBIDDEN, Optional.of("no")),
                new NetworkRule("::1", NetworkRule.Protocol.HTTP, Decision.ALLOW, Optional.empty()));
        assertThat(policy.hostExecutables()).containsEntry("git", List.of("/usr/bin/git", "/opt/homebrew/bin/git"));
    }

    @Test
    void hostExecutablePathsMayBeHomeRelative() {
        Policy policy = parse("host_executable(name=\"az\", paths=[\"~/.openai/bin/az\"])");
        assertThat(policy.hostExecutables().get("az"))
                .containsExactly(Path.of(System.getProperty("user.home"), ".openai/bin/az").toString());
    }

    @Test
    void failingMatchExampleNamesFileLineAndExample() {
        RulesFileException e = failure("""
                prefix_rule(pattern=["ls"])

                prefix_rule(
                    pattern=["git", "status"],
                    match=["git status -s", "git push origin"],
                )
                """);
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("/rules/test.rules:3:1: expected every example to match at least one "
                + "rule. rules: [prefix_rule(pattern=[\"git\", \"status\"], decision=\"allow\")]; unmatched examples: "
                + "[\"git push origin\"]");
    }

    @Test
    void failingNotMatchExampleNamesFileLineAndExample() {
        RulesFileException e = failure("""
                prefix_rule(pattern=["git"], decision="prompt", not_match=[["git", "status"]])
                """);
        assertThat(e.getMessage()).isEqualTo("/rules/test.rules:1:1: expected example to not match rule "
                + "`prefix_rule(pattern=[\"git\"], decision=\"prompt\")`: git status");
    }

    @Test
    void examplesInErrorsAreShlexQuotedAndDebugListed() {
        RulesFileException unmatched = failure("""
                prefix_rule(pattern=["git", "push"], match=[["git", "commit", "-m", "say \\"hi\\""], ["git", "a\\u0000b"]])
                """);
        assertThat(unmatched.detail()).endsWith("unmatched examples: [\"git commit -m 'say \\\"hi\\\"'\", "
                + "\"unable to render example\"]");
        RulesFileException matched = failure("""
                prefix_rule(pattern=["git"], not_match=[["git", "it's here"]])
                """);
        assertThat(matched.detail()).endsWith("`: git \"it's here\"");
    }

    @Test
    void examplesAreCheckedOnlyAgainstTheirOwnRule() {
        RulesFileException e = failure("""
                prefix_rule(pattern=["git"])
                prefix_rule(pattern=["git", "push"], match=["git status"])
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.detail()).contains("unmatched examples: [\"git status\"]");
    }

    @Test
    void matchExamplesMayUseHostExecutablePaths() {
        Policy policy = parse("""
                prefix_rule(pattern=["git", "status"], match=["/usr/bin/git status"], not_match=["/tmp/git status"])
                host_executable(name="git", paths=["/usr/bin/git"])
                """);
        assertThat(policy.prefixRules()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "prefix_rule(pattern=[])|1|1|invalid pattern element: pattern cannot be empty",
        "prefix_rule(pattern=[\"a\", []])|1|1|invalid pattern element: pattern alternatives cannot be empty",
        "prefix_rule(pattern=[\"a\", [1]])|1|1|invalid pattern element: pattern alternative must be a string (got int)",
        "prefix_rule(pattern=[True])|1|1|invalid pattern element: pattern element must be a string or list of strings (got bool)",
        "prefix_rule(pattern=\"git\")|1|1|prefix_rule() argument 'pattern' must be a list (got string)",
        "prefix_rule(pattern=(\"a\", \"b\"))|1|1|prefix_rule() argument 'pattern' must be a list (got tuple)",
        "prefix_rule(decision=\"allow\")|1|1|prefix_rule() missing required argument 'pattern'",
        "prefix_rule(pattern=[\"a\"], decision=\"deny\")|1|1|invalid decision: deny",
        "prefix_rule(pattern=[\"a\"], justification=\"  \")|1|1|invalid rule: justification cannot be empty",
        "prefix_rule(pattern=[\"a\"], justification=3)|1|1|prefix_rule() argument 'justification' must be a string (got int)",
        "prefix_rule(pattern=[\"a\"], color=\"red\")|1|1|prefix_rule() got an unexpected keyword argument 'color'",
        "prefix_rule(pattern=[\"a\"], pattern=[\"b\"])|1|28|prefix_rule() got multiple values for argument 'pattern'",
        "prefix_rule([\"a\"], pattern=[\"b\"])|1|1|prefix_rule() got multiple values for argument 'pattern'",
        "prefix_rule(pattern=[\"a\"], \"allow\")|1|28|positional argument follows keyword argument",
        "prefix_rule(pattern=[\"a\"], match=[\"\"])|1|1|invalid example: example cannot be an empty string",
        "prefix_rule(pattern=[\"a\"], match=[[]])|1|1|invalid example: example cannot be an empty list",
        "prefix_rule(pattern=[\"a\"], match=[\"a 'b\"])|1|1|invalid example: example string has invalid shell syntax: a 'b",
        "prefix_rule(pattern=[\"a\"], match=[3])|1|1|invalid example: example must be a string or list of strings (got int)",
        "prefix_rule(pattern=[\"a\"], match=[[\"a\", 3]])|1|1|invalid example: example tokens must be strings (got int)",
        "network_rule(host=\"http://x.com\", protocol=\"https\", decision=\"allow\")|1|1|invalid rule: network_rule host must be a hostname or IP literal (without scheme or path)",
        "network_rule(host=\"*.x.com\", protocol=\"https\", decision=\"allow\")|1|1|invalid rule: network_rule host must be a specific host; wildcards are not allowed",
        "network_rule(host=\"x.com\", protocol=\"ftp\", decision=\"allow\")|1|1|invalid rule: network_rule protocol must be one of http, https, socks5_tcp, socks5_udp (got ftp)",
        "network_rule(host=\"x.com\", protocol=\"http\")|1|1|network_rule() missing required argument 'decision'",
        "host_executable(name=\"git\", paths=[\"usr/bin/git\"])|1|1|invalid rule: host_executable paths must be absolute or use `~/...` home-relative syntax (got usr/bin/git)",
        "host_executable(name=\"git\", paths=[\"/usr/bin/gitx\"])|1|1|invalid rule: host_executable path `/usr/bin/gitx` must have basename `git`",
        "host_executable(name=\"bin/git\", paths=[])|1|1|invalid rule: host_executable name must be a bare executable name (got bin/git)",
        "\\n\\n  shell_rule(pattern=[\"a\"])|3|3|function 'shell_rule' not found; rules files may call prefix_rule, network_rule and host_executable",
        "prefix_rule(pattern=[x])|1|22|variable 'x' not found",
        "load(\"x.star\", \"y\")|1|1|unsupported Starlark statement 'load': rules files may only call prefix_rule, network_rule and host_executable and assign variables",
        "def f():|1|1|unsupported Starlark statement 'def': rules files may only call prefix_rule, network_rule and host_executable and assign variables",
        "prefix_rule(pattern=[\"a\"]) prefix_rule(pattern=[\"b\"])|1|28|expected end of statement, found 'prefix_rule'",
        "prefix_rule(pattern=[\"a\"]|1|26|unexpected end of file: unclosed bracket",
        "prefix_rule(pattern=[\"a])|1|22|unterminated string literal",
        "prefix_rule(pattern=[\"a\\q\"])|1|24|invalid escape sequence \\q",
        "prefix_rule(pattern=[\"a\"]))|1|27|unexpected ')'",
        "prefix_rule(pattern=[\"a\"] + \"b\")|1|27|unsupported operand types for +: list and string",
        "prefix_rule = 1|1|1|cannot assign to builtin 'prefix_rule'",
        "x = {}|1|5|unexpected character '{'",
    })
    void reportsErrorsWithPositions(String source, int line, int column, String detail) {
        RulesFileException e = failure(source.replace("\\n", "\n"));
        assertThat(e.detail()).isEqualTo(detail);
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(column);
        assertThat(e.getMessage()).isEqualTo("/rules/test.rules:" + line + ":" + column + ": " + detail);
    }

    @Test
    void loadsFilesInOrder(@TempDir Path dir) throws IOException {
        Path first = Files.writeString(dir.resolve("a.rules"), "prefix_rule(pattern=[\"git\"], decision=\"prompt\")\n");
        Path second = Files.writeString(dir.resolve("b.codexpolicy"), "prefix_rule(pattern=[\"git\", \"push\"], decision=\"forbidden\")\n");
        Policy policy = PolicyLoader.load(List.of(first, second));
        assertThat(policy.prefixRules()).extracting(PrefixRule::decision).containsExactly(Decision.PROMPT, Decision.FORBIDDEN);
    }

    @Test
    void unreadableFileIsARulesFileException() {
        Path missing = tmp.resolve("missing.rules");
        assertThatThrownBy(() -> PolicyLoader.load(List.of(missing)))
                .isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith(missing + ": failed to read rules file: ");
    }

    @Test
    void errorInSecondFileNamesThatFile() throws IOException {
        Path good = Files.writeString(tmp.resolve("a.rules"), "prefix_rule(pattern=[\"ls\"])\n");
        Path bad = Files.writeString(tmp.resolve("b.rules"), "\nprefix_rule(pattern=[\"ls\"], match=[\"pwd\"])\n");
        assertThatThrownBy(() -> PolicyLoader.load(List.of(good, bad)))
                .isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith(bad + ":2:1: expected every example");
    }

    @Test
    void discoversRulesFilesPerLayerLowestPrecedenceFirst() throws IOException {
        Path system = Files.createDirectories(tmp.resolve("etc/codex/rules")).getParent();
        Path home = Files.createDirectories(tmp.resolve("home/rules")).getParent();
        Path project = Files.createDirectories(tmp.resolve("project/.codex/rules")).getParent();
        Path missingProject = tmp.resolve("other/.codex");
        Files.writeString(system.resolve("rules/z.rules"), "");
        Files.writeString(home.resolve("rules/default.rules"), "");
        Files.writeString(home.resolve("rules/b.rules"), "");
        Files.writeString(home.resolve("rules/notes.txt"), "");
        Files.createDirectories(home.resolve("rules/dir.rules"));
        Files.writeString(project.resolve("rules/a.rules"), "");
        RulesLocations locations = new RulesLocations(Optional.of(system), home, List.of(project, missingProject));

        assertThat(PolicyLoader.discover(locations, RulesLocations.Scope.ALL_LAYERS)).containsExactly(
                system.resolve("rules/z.rules"), home.resolve("rules/b.rules"), home.resolve("rules/default.rules"),
                project.resolve("rules/a.rules"));
        assertThat(PolicyLoader.discover(locations, RulesLocations.Scope.IGNORE_USER_AND_PROJECT))
                .containsExactly(system.resolve("rules/z.rules"));
    }

    @Test
    void standardLocationsStartWithEtcCodex() {
        RulesLocations locations = RulesLocations.standard(tmp, List.of());
        assertThat(locations.systemConfigDir()).contains(Path.of("/etc/codex"));
        assertThat(PolicyLoader.defaultRulesFile(tmp)).isEqualTo(tmp.resolve("rules/default.rules"));
    }
}
