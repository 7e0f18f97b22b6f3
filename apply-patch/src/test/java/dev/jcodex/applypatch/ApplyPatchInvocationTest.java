package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApplyPatchInvocationTest {

    private static final String PATCH = "*** Begin Patch\n*** Add File: foo\n+hi\n*** End Patch\n";

    private static ApplyPatchInvocation invocation(String patch, String workdir) {
        return new ApplyPatchInvocation(patch, Optional.ofNullable(workdir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply_patch", "applypatch", "/usr/local/bin/apply_patch"})
    void directArgv(String command) {
        assertThat(ApplyPatchInvocation.fromArgv(List.of(command, PATCH))).contains(invocation(PATCH, null));
    }

    @Test
    void directArgvReturnsTheTextEvenIfItIsNotAValidPatch() {
        assertThat(ApplyPatchInvocation.fromArgv(List.of("apply_patch", "garbage")))
                .contains(invocation("garbage", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<<'EOF'", "<<EOF", "<<\"EOF\"", "<< 'EOF'", "<<\\EOF"})
    void heredocForms(String operator) {
        String script = "apply_patch " + operator + "\n" + PATCH + "EOF\n";

        assertThat(ApplyPatchInvocation.fromShellScript(script)).contains(invocation(PATCH, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "/bin/bash", "zsh", "sh"})
    void shellArgvWithHeredoc(String shell) {
        String script = "apply_patch <<'PATCH'\n" + PATCH + "PATCH";

        assertThat(ApplyPatchInvocation.fromArgv(List.of(shell, "-lc", script))).contains(invocation(PATCH, null));
        assertThat(ApplyPatchInvocation.fromArgv(List.of(shell, "-c", script))).contains(invocation(PATCH, null));
    }

    @Test
    void windowsShells() {
        String script = "apply_patch <<'EOF'\r\n" + PATCH + "EOF\r\n";

        assertThat(ApplyPatchInvocation.fromArgv(List.of("pwsh", "-NoProfile", "-Command", script))).isPresent();
        assertThat(ApplyPatchInvocation.fromArgv(List.of("powershell.exe", "-Command", script))).isPresent();
        assertThat(ApplyPatchInvocation.fromArgv(List.of("cmd.exe", "/c", script))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cd sub/dir && apply_patch <<'EOF'", "cd 'sub/dir' && applypatch <<EOF",
            "cd \"sub/dir\" &&\n  apply_patch <<\"EOF\"", "  cd sub/dir   &&   apply_patch<<EOF"})
    void cdPrefixSetsTheWorkdir(String firstLine) {
        Optional<ApplyPatchInvocation> found = ApplyPatchInvocation.fromShellScript(firstLine + "\n" + PATCH + "EOF");

        assertThat(found).contains(invocation(PATCH, "sub/dir"));
        assertThat(found.orElseThrow().effectiveWorkdir(Path.of("/work"))).isEqualTo(Path.of("/work/sub/dir"));
    }

    @Test
    void absoluteCdDirectoryWins() {
        ApplyPatchInvocation found = ApplyPatchInvocation.fromShellScript("cd /abs && apply_patch <<EOF\n"
                + PATCH + "EOF\n").orElseThrow();

        assertThat(found.effectiveWorkdir(Path.of("/work"))).isEqualTo(Path.of("/abs"));
        assertThat(invocation(PATCH, null).effectiveWorkdir(Path.of("/work"))).isEqualTo(Path.of("/work"));
    }

    @Test
    void dashHeredocStripsLeadingTabs() {
        String script = "apply_patch <<-EOF\n\t*** Begin Patch\n\t*** Delete File: x\n\t*** End Patch\n\tEOF\n";

        assertThat(ApplyPatchInvocation.fromShellScript(script))
                .contains(invocation("*** Begin Patch\n*** Delete File: x\n*** End Patch\n", null));
    }

    @Test
    void singleQuotedArgument() {
        assertThat(ApplyPatchInvocation.fromShellScript("apply_patch '" + PATCH + "'"))
                .contains(invocation(PATCH, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "echo hi",
        "apply_patch <<'EOF'\n*** Begin Patch\n*** End Patch\nEOF\necho done",
        "apply_patch <<'EOF'\n*** Begin Patch\n*** End Patch\n",
        "apply_patch <<'EOF' > out.txt\n*** Begin Patch\n*** End Patch\nEOF",
        "cd a b && apply_patch <<'EOF'\nx\nEOF",
        "cd $HOME && apply_patch <<'EOF'\nx\nEOF",
        "cd ~/project && apply_patch <<'EOF'\nx\nEOF",
        "cd src/* && apply_patch <<'EOF'\nx\nEOF",
        "cd a; apply_patch <<'EOF'\nx\nEOF",
        "cd a || apply_patch <<'EOF'\nx\nEOF",
        "ls && apply_patch <<'EOF'\nx\nEOF",
        "apply_patch \"$(cat patch.txt)\"",
        "apply_patch_extra <<'EOF'\nx\nEOF",
        "cat <<'EOF' | apply_patch\nx\nEOF"})
    void otherScriptsAreNotInvocations(String script) {
        assertThat(ApplyPatchInvocation.fromShellScript(script)).isEmpty();
    }

    @Test
    void otherArgvAreNotInvocations() {
        assertThat(ApplyPatchInvocation.fromArgv(List.of("apply_patch"))).isEmpty();
        assertThat(ApplyPatchInvocation.fromArgv(List.of("apply_patch", PATCH, "extra"))).isEmpty();
        assertThat(ApplyPatchInvocation.fromArgv(List.of("python", "-c", "apply_patch <<EOF\nx\nEOF"))).isEmpty();
        assertThat(ApplyPatchInvocation.fromArgv(List.of("bash", "-x", "apply_patch <<EOF\nx\nEOF"))).isEmpty();
        assertThat(ApplyPatchInvocation.fromArgv(List.of("ls", "-la"))).isEmpty();
    }

    @Test
    void barePatchIsAnImplicitInvocation() {
        assertThat(ApplyPatchInvocation.isImplicitPatch(List.of(PATCH))).isTrue();
        assertThat(ApplyPatchInvocation.isImplicitPatch(List.of("bash", "-lc", PATCH))).isTrue();
        assertThat(ApplyPatchInvocation.isImplicitPatch(List.of("echo hi"))).isFalse();
        assertThat(ApplyPatchInvocation.isImplicitPatch(List.of("apply_patch", PATCH))).isFalse();
        assertThat(ApplyPatchInvocation.IMPLICIT_INVOCATION_MESSAGE).isEqualTo(
                "patch detected without explicit call to apply_patch. Rerun as [\"apply_patch\", \"<patch>\"]");
    }
}
