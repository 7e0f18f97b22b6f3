package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.sandbox.SandboxSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codex sandbox linux|explain|selftest} in-process. Tests that need a working sandbox are skipped where
 * none exists; {@link #whereNoSandboxWorksTheCommandIsRefused} covers that case on every machine.
 */
class SandboxCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path project;

    @TempDir
    Path outside;

    private CliHarness cli() {
        return new CliHarness(home, project);
    }

    private static void assumeSandbox() {
        SandboxSelector selector = SandboxSelector.detect();
        assumeTrue(selector.unavailableReason().isEmpty(), () -> "no sandbox here: " + selector);
    }

    @Test
    void readOnlyByDefaultBlocksWritesButRunsCommands() {
        assumeSandbox();
        Path target = outside.resolve("escaped.txt");
        CliHarness.Result blocked = cli().run("sandbox", "linux", "--", "sh", "-c", "echo hi > " + target);
        assertThat(blocked.code()).isNotZero();
        assertThat(blocked.err()).containsAnyOf("Permission denied", "Read-only file system");
        assertThat(target).doesNotExist();
        Path inside = project.resolve("inside.txt");
        assertThat(cli().run("sandbox", "linux", "--", "sh", "-c", "echo hi > " + inside).code()).isNotZero();
        assertThat(inside).doesNotExist();

        assertThat(cli().run("sandbox", "linux", "--", "echo", "ok")).isEqualTo(new CliHarness.Result(0, "ok\n", ""));
    }

    @Test
    void exitCodeStreamsAndStdinArePassedThrough() {
        assumeSandbox();
        assertThat(cli().run("sandbox", "linux", "--", "sh", "-c", "echo out; echo err >&2; exit 7"))
                .isEqualTo(new CliHarness.Result(7, "out\n", "err\n"));
        assertThat(cli().runWithStdin("line one\nline two\n", "sandbox", "landlock", "cat"))
                .isEqualTo(new CliHarness.Result(0, "line one\nline two\n", ""));
        assertThat(cli().run("sandbox", "linux", "sh", "-c", "echo $0 $1", "-x", "--full-auto"))
                .as("options after the command belong to it")
                .isEqualTo(new CliHarness.Result(0, "-x --full-auto\n", ""));
    }

    @Test
    void fullAutoWritesInTheWorkspaceOnly() throws IOException {
        assumeSandbox();
        Files.createDirectories(project.resolve("src"));
        Path inside = project.resolve("src/made.txt");
        Path escaped = outside.resolve("escaped.txt");
        String[] noTmp = {"-c", "sandbox_workspace_write.exclude_slash_tmp=true",
                "-c", "sandbox_workspace_write.exclude_tmpdir_env_var=true"};
        CliHarness.Result ok = cli().run(concat(new String[] {"sandbox", "linux", "--full-auto"}, noTmp,
                new String[] {"--", "sh", "-c", "echo made > " + inside}));
        assertThat(ok).isEqualTo(new CliHarness.Result(0, "", ""));
        assertThat(inside).hasContent("made");
        CliHarness.Result blocked = cli().run(concat(new String[] {"sandbox", "linux", "--full-auto"}, noTmp,
                new String[] {"--", "sh", "-c", "echo hi > " + escaped}));
        assertThat(blocked.code()).isNotZero();
        assertThat(escaped).doesNotExist();
    }

    @Test
    void environmentIsFilteredByShellEnvironmentPolicy() {
        assumeSandbox();
        String[] cmd = {"sandbox", "linux", "--", "sh", "-c",
                "echo \"token=${MY_API_TOKEN:-unset} plain=${PLAIN:-unset} net=${CODEX_SANDBOX_NETWORK_DISABLED}\""};
        CliHarness env = cli().env("MY_API_TOKEN", "s3cret").env("PLAIN", "1");
        assertThat(env.run(cmd).out()).isEqualTo("token=unset plain=1 net=1\n");
        assertThat(env.run(concat(new String[] {"-c", "shell_environment_policy.ignore_default_excludes=true"}, cmd))
                .out()).isEqualTo("token=s3cret plain=1 net=1\n");
        assertThat(env.run(concat(new String[] {"-c", "shell_environment_policy.exclude=[\"PLAIN\"]"}, cmd)).out())
                .isEqualTo("token=unset plain=unset net=1\n");
    }

    @Test
    void whereNoSandboxWorksTheCommandIsRefused() {
        Path marker = project.resolve("ran.txt");
        CliHarness.Result r = cli().run("sandbox", "linux", "--sandbox-mechanism", "none", "--", "sh", "-c",
                "touch " + marker);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("codex sandbox linux: the read-only sandbox cannot be enforced: no sandbox "
                + "mechanism was selected\nRefusing to run the command without a sandbox.\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void missingProgramIsReported() {
        assumeSandbox();
        CliHarness.Result r = cli().run("sandbox", "linux", "--", "no-such-program-xyz");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no-such-program-xyz", "No such file or directory");
    }

    @Test
    void explainDescribesTheActivePolicy() throws IOException {
        CliHarness.Result readOnly = cli().run("sandbox", "explain");
        assertThat(readOnly.code()).isZero();
        assertThat(readOnly.out()).startsWith("Policy: read-only\n").contains("Reading: allowed everywhere.\n",
                "Writing: not allowed anywhere", "Network: off");

        CliHarness.Result ws = cli().run("sandbox", "explain", "--full-auto");
        assertThat(ws.out()).startsWith("Policy: workspace-write\n")
                .contains("  " + project.toRealPath() + " (working directory)\n");

        assertThat(cli().run("-s", "danger-full-access", "sandbox", "explain").out())
                .isEqualTo("Policy: danger-full-access\n"
                        + "No sandbox: commands run with your full permissions, network included.\n");
        assertThat(cli().run("sandbox", "explain", "-s", "workspace-write", "-c",
                "sandbox_workspace_write.network_access=true").out()).contains("Network: allowed.\n");
        assertThat(cli().run("sandbox", "explain", "--sandbox-mechanism", "none").out())
                .contains("Enforced by: nothing — ", "will be refused, not run unconfined");
        assertThat(cli().run("sandbox", "explain", "-s", "read-only", "--full-auto").code()).isEqualTo(2);
        assertThat(cli().run("sandbox", "explain", "-s", "bogus").code()).isEqualTo(2);
    }

    @Test
    void selftestPassesOnlyWhenEveryAttackIsContained() {
        CliHarness.Result none = cli().run("sandbox", "selftest", "--sandbox-mechanism", "none");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).startsWith("Sandbox self-test: no sandbox (unavailable: ")
                .containsPattern("(?m)^PASS  workspace-write: write outside the writable roots — contained: refused")
                .containsPattern("(?m)^FAIL  control: .*control was blocked")
                .containsPattern("(?m)^\\d+ of \\d+ checks passed: the sandbox did NOT hold\\.$");

        assumeSandbox();
        CliHarness.Result real = cli().run("sandbox", "selftest");
        assertThat(real.code()).as(real.out()).isZero();
        assertThat(real.out()).doesNotContain("FAIL  ")
                .containsPattern("(?m)^All \\d+ checks passed: the sandbox held\\.$");
        long lines = real.out().lines().filter(l -> l.startsWith("PASS  ")).count();
        assertThat(real.out()).contains("All " + lines + " checks passed");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
