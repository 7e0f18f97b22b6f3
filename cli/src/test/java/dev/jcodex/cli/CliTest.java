package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path home;

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("CODEX_HOME", home.toString()), home, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).isEqualTo(new Run(0, "codex-cli " + Version.current() + "\n", ""));
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: codex", "--ask-for-approval", "--sandbox", "completion");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : new String[] {"completion", "apply_patch", "features", "features list"}) {
            String[] words = (sub + " --help").split(" ");
            Run r = run(words);
            assertThat(r.code()).as(sub).isZero();
            assertThat(r.out()).contains("Usage: codex " + sub);
        }
    }

    @Test
    void unknownFlagIsAUsageErrorWithExitCode2() {
        Run r = run("--no-such-flag");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--no-such-flag'");
    }

    @Test
    void fullAutoConflictsWithYolo() {
        Run r = run("--full-auto", "--yolo");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--full-auto").contains("--dangerously-bypass-approvals-and-sandbox");
    }

    @Test
    void applyPatchSubcommandEditsFilesAndReportsTheSummary() throws Exception {
        java.nio.file.Files.writeString(home.resolve("README.md"), "# Demo\n");
        Run r = run("apply_patch", "*** Begin Patch\n*** Add File: hello.txt\n+hi\n*** Update File: README.md\n@@\n"
                + "-# Demo\n+# Demo (edited)\n*** End Patch\n");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("Success. Updated the following files:\nA hello.txt\nM README.md\n");
        assertThat(home.resolve("hello.txt")).hasContent("hi");
        assertThat(home.resolve("README.md")).hasContent("# Demo (edited)");
        Run bad = run("apply_patch", "*** Begin Patch\n*** Update File: README.md\n@@\n-nope\n+x\n*** End Patch\n");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("README.md");
    }

    @Test
    void featuresListShowsStageAndStateAndHonoursEnableFlags() {
        Run r = run("features", "list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^unified_exec\\s+\\S.*\\s(true|false)$");
        Run disabled = run("--disable", "unified_exec", "features", "list");
        assertThat(disabled.out()).containsPattern("(?m)^unified_exec\\s.*false$");
        Run unknown = run("features", "list", "--enable", "no_such_feature");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no_such_feature");
    }

    @Test
    void badConfigGivesOneClearMessageAndExitCode1() throws Exception {
        java.nio.file.Files.writeString(home.resolve("config.toml"), "model = \"o3\"\nsandbox_mode = \"full\"\n");
        Run r = run("features", "list");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error loading config.toml: ").contains("config.toml:2").contains("sandbox_mode")
                .doesNotContain("Exception").doesNotContain("\tat ");
        java.nio.file.Files.writeString(home.resolve("config.toml"), "model = [unclosed\n");
        Run syntax = run("features", "list");
        assertThat(syntax.code()).isEqualTo(1);
        assertThat(syntax.err()).contains("config.toml:1");
    }

    @Test
    void badOverrideIsReported() {
        Run r = run("-c", "novalue", "features", "list");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Invalid override (missing '='): novalue");
    }

    @Test
    void completionScriptsForEachShell() {
        assertThat(run("completion").out()).contains("complete -F").contains("codex");
        assertThat(run("completion", "zsh").out()).startsWith("#compdef codex");
        assertThat(run("completion", "fish").out()).contains("complete -c codex -n '__fish_use_subcommand' -a completion");
        assertThat(run("completion", "powershell").code()).isEqualTo(2);
    }
}
