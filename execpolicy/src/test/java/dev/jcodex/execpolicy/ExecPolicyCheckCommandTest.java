package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ExecPolicyCheckCommandTest {

    @TempDir
    Path tmp;

    private Path rules;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeRules() throws IOException {
        rules = Files.writeString(tmp.resolve("policy.rules"), """
                prefix_rule(pattern=["git", ["status", "log"]], match=["git status"])
                prefix_rule(pattern=["git", "push"], decision="forbidden", justification="Use `jj` instead of `git`.")
                host_executable(name="git", paths=["/usr/bin/git"])
                """);
    }

    private int run(String... args) {
        return ExecPolicyCheckCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ExecPolicyCheckCommandTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void allowMatchCompact() throws IOException {
        assertThat(run("--rules", rules.toString(), "--", "git", "status", "-s")).isZero();
        assertThat(stdout()).isEqualTo(golden("check-allow.json"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void noMatchOmitsDecision() throws IOException {
        assertThat(run("--rules", rules.toString(), "--", "ls", "-la")).isZero();
        assertThat(stdout()).isEqualTo(golden("check-no-match.json"));
    }

    @Test
    void noMatchPretty() throws IOException {
        assertThat(run("--pretty", "-r", rules.toString(), "ls")).isZero();
        assertThat(stdout()).isEqualTo(golden("check-no-match-pretty.json"));
    }

    @Test
    void everyMatchIsListedAndTheStrictestWinsPretty() throws IOException {
        Path strict = Files.writeString(tmp.resolve("strict.rules"), """
                prefix_rule(pattern=["git"], decision="prompt", justification="ask before \\"git\\"\\ttouches anything")
                prefix_rule(pattern=["git", "push"], decision="forbidden", justification="Use `jj` instead of `git`.")
                """);
        assertThat(run("--rules=" + strict, "--pretty", "--", "git", "push", "--force")).isZero();
        assertThat(stdout()).isEqualTo(golden("check-strictest-pretty.json"));
        JsonNode parsed = new ObjectMapper().readTree(stdout());
        assertThat(parsed.get("matchedRules").get(0).get("prefixRuleMatch").get("justification").asString())
                .isEqualTo("ask before \"git\"\ttouches anything");
    }

    @Test
    void multipleRulesFilesAreMergedInOrder() {
        Path extra = tmp.resolve("extra.rules");
        writeUnchecked(extra, "prefix_rule(pattern=[\"ls\"], decision=\"prompt\")\n");
        assertThat(run("--rules", rules.toString(), "--rules", extra.toString(), "ls", "-la")).isZero();
        assertThat(stdout()).isEqualTo(
                "{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":[\"ls\"],\"decision\":\"prompt\"}}],"
                        + "\"decision\":\"prompt\"}\n");
    }

    @Test
    void absolutePathsResolveOnlyWhenAsked() throws IOException {
        assertThat(run("--rules", rules.toString(), "--", "/usr/bin/git", "status")).isZero();
        assertThat(stdout()).isEqualTo(golden("check-no-match.json"));
        out.reset();
        assertThat(run("--rules", rules.toString(), "--resolve-host-executables", "--", "/usr/bin/git", "status"))
                .isZero();
        assertThat(stdout()).isEqualTo(golden("check-resolved.json"));
        out.reset();
        assertThat(run("--rules", rules.toString(), "--resolve-host-executables", "--", "/opt/git", "status")).isZero();
        assertThat(stdout()).as("host_executable limits the paths").isEqualTo(golden("check-no-match.json"));
    }

    @Test
    void optionsAfterTheCommandBelongToTheCommand() {
        assertThat(run("--rules", rules.toString(), "git", "log", "--pretty")).isZero();
        assertThat(stdout()).startsWith("{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":[\"git\",\"log\"]");
    }

    @Test
    void usageErrors() {
        assertThat(run("git", "status")).isEqualTo(ExecPolicyCheckCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: the following required arguments were "
                + "not provided:\n  --rules <PATH>\n");
        err.reset();
        assertThat(run("--rules", rules.toString())).isEqualTo(ExecPolicyCheckCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("<COMMAND>...");
        err.reset();
        assertThat(run("--rules")).isEqualTo(ExecPolicyCheckCommand.EXIT_USAGE);
        assertThat(run("--bogus", "--rules", rules.toString(), "ls")).isEqualTo(ExecPolicyCheckCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument '--bogus' found");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void helpGoesToStdout() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).startsWith("Usage: codex execpolicy check --rules <PATH>");
    }

    @Test
    void brokenRulesFileIsReportedWithItsLocation() {
        Path broken = tmp.resolve("broken.rules");
        writeUnchecked(broken, "prefix_rule(pattern=[\"git\"], match=[\"ls\"])\n");
        assertThat(run("--rules", broken.toString(), "git")).isEqualTo(ExecPolicyCheckCommand.EXIT_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: failed to parse policy at " + broken
                + "\n\nCaused by:\n    error: expected every example to match at least one rule. rules: "
                + "[prefix_rule(pattern=[\"git\"], decision=\"allow\")]; unmatched examples: [\"ls\"]\n"
                + "     --> " + broken + ":1:1\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void unreadableRulesFileIsReportedWithTheOsError() {
        Path missing = tmp.resolve("missing.rules");
        assertThat(run("--rules", missing.toString(), "git")).isEqualTo(ExecPolicyCheckCommand.EXIT_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: failed to read policy at " + missing
                + "\n\nCaused by:\n    No such file or directory (os error 2)\n");
        err.reset();
        assertThat(run("--rules", tmp.toString(), "git")).isEqualTo(ExecPolicyCheckCommand.EXIT_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Error: failed to read policy at " + tmp
                + "\n\nCaused by:\n    Is a directory (os error 21)\n");
        assertThat(stdout()).isEmpty();
    }

    private static void writeUnchecked(Path path, String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
