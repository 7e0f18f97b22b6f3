package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecPolicyAndRegistrationTest {

    @TempDir
    Path home;

    @TempDir
    Path cwd;

    private CliHarness cli() {
        return new CliHarness(home, cwd);
    }

    @Test
    void execpolicyCheckPrintsTheMatchingRulesAsJson() throws IOException {
        Files.writeString(cwd.resolve("git.rules"), """
                prefix_rule(pattern=["git", ["status", "log"]])
                prefix_rule(pattern=["git", "push"], decision="forbidden", justification="no pushing")
                """);
        Files.writeString(cwd.resolve("ls.rules"), "prefix_rule(pattern=[\"ls\"], decision=\"prompt\")\n");

        assertThat(cli().run("execpolicy", "check", "--rules", "git.rules", "--", "git", "push", "--force"))
                .isEqualTo(new CliHarness.Result(0, "{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":"
                        + "[\"git\",\"push\"],\"decision\":\"forbidden\",\"justification\":\"no pushing\"}}],"
                        + "\"decision\":\"forbidden\"}\n", ""));
        assertThat(cli().run("execpolicy", "check", "-r", "git.rules", "--rules", "ls.rules", "ls", "-la"))
                .isEqualTo(new CliHarness.Result(0, "{\"matchedRules\":[{\"prefixRuleMatch\":{\"matchedPrefix\":"
                        + "[\"ls\"],\"decision\":\"prompt\"}}],\"decision\":\"prompt\"}\n", ""));
        assertThat(cli().run("execpolicy", "check", "--rules", "git.rules", "--", "rm", "-rf", "x"))
                .isEqualTo(new CliHarness.Result(0, "{\"matchedRules\":[]}\n", ""));
        assertThat(cli().run("execpolicy", "check", "--pretty", "--rules", "git.rules", "git", "status").out())
                .isEqualTo("""
                        {
                          "matchedRules": [
                            {
                              "prefixRuleMatch": {
                                "matchedPrefix": [
                                  "git",
                                  "status"
                                ],
                                "decision": "allow"
                              }
                            }
                          ],
                          "decision": "allow"
                        }
                        """);
    }

    @Test
    void execpolicyCheckErrors() throws IOException {
        CliHarness.Result noRules = cli().run("execpolicy", "check", "--", "ls");
        assertThat(noRules.code()).isEqualTo(2);
        assertThat(noRules.err()).startsWith("error: the following required arguments were not provided:\n"
                + "  --rules <PATH>\n");
        Files.writeString(cwd.resolve("bad.rules"), "prefix_rule(pattern=[\"ls\"], decision=\"maybe\")\n");
        CliHarness.Result bad = cli().run("execpolicy", "check", "--rules", "bad.rules", "ls");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("Error: ").contains("bad.rules:1");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void newSubcommandsHaveHelpAndAppearInHelpAndCompletions() {
        for (String sub : new String[] {"login", "login status", "logout", "sandbox", "sandbox linux",
                "sandbox explain", "sandbox selftest", "execpolicy check"}) {
            CliHarness.Result r = cli().run((sub + " --help").split(" "));
            assertThat(r.code()).as(sub).isZero();
            assertThat(r.out()).as(sub).contains("Usage: codex " + sub);
        }
        assertThat(cli().run("sandbox", "landlock", "--help").out()).contains("Usage: codex sandbox linux");
        String help = cli().run("--help").out();
        assertThat(help).contains("login", "logout", "sandbox").doesNotContain("execpolicy");
        assertThat(cli().run("login", "--help").out()).doesNotContain("--api-key", "experimental_issuer");

        String bash = cli().run("completion", "bash").out();
        assertThat(bash).contains("login", "logout", "sandbox", "explain", "selftest", "--with-api-key",
                "--device-auth");
        String fish = cli().run("completion", "fish").out();
        assertThat(fish).contains("-n '__fish_use_subcommand' -a login ", "-n '__fish_use_subcommand' -a logout ",
                "-n '__fish_use_subcommand' -a sandbox ", "-l with-api-key", "-l device-auth");
    }
}
