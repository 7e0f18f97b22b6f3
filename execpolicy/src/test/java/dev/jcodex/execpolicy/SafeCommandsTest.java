package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeCommandsTest {

    /** Splits a test line on spaces; {@code ·} inside an element stands for a space. */
    private static List<String> argv(String line) {
        return Arrays.stream(line.split(" ")).map(s -> s.replace('·', ' ')).toList();
    }

    private static boolean safe(String line) {
        return SafeCommands.isKnownSafe(argv(line), Platform.LINUX);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cat README.md", "cd src", "cut -d: -f1 /etc/passwd", "echo hi", "expr 1 + 2", "false", "grep -R foo .",
        "head -n 5 x", "id", "ls -la", "nl -nrz Cargo.toml", "paste a b", "pwd", "rev x", "seq 10", "stat x",
        "tail -f log", "tr a b", "true", "uname -a", "uniq x", "wc -l x", "which git", "whoami", "/bin/ls -la",
        "/usr/bin/cat x"
    })
    void alwaysSafeCommands(String line) {
        assertThat(safe(line)).as(line).isTrue();
    }

    @Test
    void numfmtAndTacAreSafeOnlyOnLinux() {
        assertThat(SafeCommands.isKnownSafe(List.of("numfmt", "1000"), Platform.LINUX)).isTrue();
        assertThat(SafeCommands.isKnownSafe(List.of("tac", "x"), Platform.LINUX)).isTrue();
        assertThat(SafeCommands.isKnownSafe(List.of("numfmt", "1000"), Platform.MACOS)).isFalse();
        assertThat(SafeCommands.isKnownSafe(List.of("tac", "x"), Platform.MACOS)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "base64", "base64 -d x", "base64 --decode x", "find . -name file.txt", "find . -type f -print",
        "rg Cargo.toml -n", "rg -g *.py foo", "rg --prefix foo", "sed -n 1p", "sed -n 10p file.txt",
        "sed -n 1,5p file.txt", "git status", "git log -p -1", "git diff -p", "git show -p HEAD",
        "git log --oneline", "git diff --stat HEAD~1", "git --no-pager log", "git --bare status", "git branch",
        "git branch --show-current", "git branch -a -v", "git branch --list", "git branch -r", "git branch -vv",
        "git branch --format=%(refname)", "/usr/bin/git status"
    })
    void conditionallySafeCommands(String line) {
        assertThat(safe(line)).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "foo", "cargo check", "rm x", "python3 x.py", "base64 -o out.bin", "base64 --output out.bin",
        "base64 --output=out.bin", "base64 -ob64.txt", "find . -exec rm {} ;", "find . -execdir python3 {} ;",
        "find . -ok rm {} ;", "find . -okdir python3 {} ;", "find . -delete", "find . -fls /etc/passwd",
        "find . -fprint /etc/passwd", "find . -fprint0 /etc/passwd", "find . -fprintf /root/suid.txt %m",
        "rg --search-zip files", "rg -z files", "rg --pre pwned files", "rg --pre=pwned files",
        "rg --hostname-bin pwned files", "rg --hostname-bin=pwned files", "sed -n xp file.txt", "sed -n 1,2,3p x",
        "sed -n p x", "sed -n ,5p x", "sed -i 1p x", "sed -n 1p a b", "sed -n", "git fetch", "git checkout status",
        "git push", "git -C . status", "git -C. status", "git -c core.pager=cat log", "git -ccore.pager=cat status",
        "git --config-env core.pager=PAGER show HEAD", "git --config-env=core.pager=PAGER show HEAD",
        "git --git-dir .evil-git diff", "git --git-dir=.evil-git diff", "git --work-tree . status",
        "git --work-tree=. status", "git --exec-path .git/helpers show HEAD", "git --exec-path=.git/h show",
        "git --namespace x log", "git --super-prefix x status", "git --paginate log -1", "git -p log -1",
        "git log --output=/tmp/out", "git diff --output /tmp/out", "git show --output=/tmp/out HEAD",
        "git diff --ext-diff", "git log --textconv", "git log --exec=x", "git show --exec x", "git branch -d feature",
        "git branch new-branch", "git branch -D x", "git branch -m a b", "git branch --list -d x", "git",
        "/usr/bin/gitx status"
    })
    void notSafe(String line) {
        List<String> argv = line.isEmpty() ? List.of() : argv(line);
        assertThat(SafeCommands.isKnownSafe(argv, Platform.LINUX)).as(line).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bash -lc ls", "bash -lc ls·-1", "bash -lc grep·-R·\"Cargo.toml\"·-n", "bash -lc sed·-n·1,5p·file.txt",
        "bash -lc sed·-n·'1,5p'·file.txt", "bash -lc find·.·-name·file.txt", "bash -lc grep·-R·x·-n·||·true",
        "bash -lc ls·&&·pwd", "bash -lc echo·'hi'·;·ls", "bash -lc ls·|·wc·-l", "zsh -lc ls", "sh -c ls",
        "/bin/bash -c git·status", "bash -lc git·log·-p·-1"
    })
    void safeShellScripts(String line) {
        assertThat(safe(line)).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bash -lc git·branch·-d·feature", "bash -lc git·--paginate·log·-1", "bash -lc git·-p·log·-1",
        "bash -lc find·.·-name·file.txt·-delete", "bash -lc ls·&&·rm·-rf·/", "bash -lc (ls)",
        "bash -lc ls·||·(pwd·&&·echo·hi)", "bash -lc ls·>·out.txt", "bash -lc 'git·status'", "bash -lc ls·*.txt",
        "bash -lc cat·$HOME/x", "bash -lc", "bash -lc ·"
    })
    void unsafeShellScripts(String line) {
        assertThat(safe(line)).as(line).isFalse();
    }

    @Test
    void fourArgumentShellFormIsNotSafe() {
        assertThat(SafeCommands.isKnownSafe(List.of("bash", "-lc", "git", "status"), Platform.LINUX)).isFalse();
    }

    @Test
    void emptyScriptIsNotVacuouslySafe() {
        assertThat(SafeCommands.isKnownSafe(List.of("bash", "-lc", ""), Platform.LINUX)).isFalse();
        assertThat(SafeCommands.isKnownSafe(List.of("bash", "-lc", " ; "), Platform.LINUX)).isFalse();
    }
}
