package dev.jcodex.sandbox;

import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.sandbox.AttackResult.Expectation;
import dev.jcodex.sandbox.EscapeSuite.EscapeFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The escape suite's catalogue: what each probe runs and how its outcome is judged. */
final class EscapeProbes {

    /** What a child did. */
    record Outcome(int exitCode, String stdout, String stderr, boolean timedOut) {
        /** The last line of stderr (where errors end up), or the exit code: the evidence shown. */
        String evidence() {
            String[] lines = stderr.split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].strip() + " (exit " + exitCode + ")";
                }
            }
            return "exit " + exitCode;
        }
    }

    /** A verdict: whether the action was stopped, and why we think so. */
    record Judgement(boolean contained, String detail) {}

    /** Decides a probe's verdict after its child has exited (may inspect and repair the fixture). */
    @FunctionalInterface
    interface Judge {
        Judgement judge(Outcome outcome) throws IOException;
    }

    /** One probe: run {@code script} under {@code policy} in the fixture's root, then judge. */
    record Probe(String name, Expectation expectation, SandboxPolicy policy, String script, Judge judge) {}

    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|SECRET|TOKEN).*");
    private static final int MIN_SECRET_LENGTH = 8;
    private static final int NO_CLIENT_EXIT = 99;

    private EscapeProbes() {}

    /**
     * Every probe but the layout probe ({@link WorkspaceProbes#layoutProbe}), which runs first and decides
     * {@code layout}.
     */
    static List<Probe> all(EscapeFixture f, Map<String, String> childEnv, WorkspaceProbes.RootLayout layout) {
        List<Probe> probes = new ArrayList<>();
        SandboxPolicy ws = EscapeSuite.workspaceWritePolicy();
        SandboxPolicy ro = new SandboxPolicy.ReadOnly();
        SandboxPolicy danger = new SandboxPolicy.DangerFullAccess();
        for (SandboxPolicy policy : List.of(ws, ro)) {
            commonAttacks(f, policy, probes);
        }
        workspaceAttacks(f, ws, probes);
        readOnlyAttacks(f, ro, probes);
        WorkspaceProbes.attacks(f, layout, probes);
        WorkspaceProbes.controls(f, layout, probes);
        Path root = f.root();
        String w = "workspace-write: ";
        probes.add(control(w + "write a new file in an existing sub-directory of the root", ws,
                "echo ok > " + q(root.resolve("work/ok.txt")),
                o -> fileHolds(root.resolve("work/ok.txt"), "ok\n", o)));
        probes.add(control(w + "append to an existing file directly in the root", ws,
                "echo more >> " + q(root.resolve("top.txt")),
                o -> fileHolds(root.resolve("top.txt"), "top\nmore\n", o)));
        probes.add(control(w + "rename a file inside the root", ws,
                "echo x > " + q(root.resolve("work/a.txt")) + " && mv " + q(root.resolve("work/a.txt")) + " "
                        + q(root.resolve("work/b.txt")),
                o -> fileHolds(root.resolve("work/b.txt"), "x\n", o)));
        for (SandboxPolicy policy : List.of(ws, ro)) {
            String p = policy.mode().wire() + ": ";
            probes.add(control(p + "write /dev/null", policy, "echo x > /dev/null && echo OK",
                    o -> new Judgement(!o.stdout().contains("OK"), o.evidence())));
            probes.add(control(p + "read a file inside the root", policy,
                    "cat " + q(root.resolve("work/readme.txt")),
                    o -> new Judgement(!o.stdout().equals(EscapeFixture.README_CONTENT), o.evidence())));
        }
        String d = "danger-full-access: ";
        probes.add(control(d + "write outside the roots", danger, "echo ok > " + q(f.outside().resolve("danger.txt")),
                o -> fileHolds(f.outside().resolve("danger.txt"), "ok\n", o)));
        probes.add(control(d + "TCP connect to a loopback listener", danger, netClient("tcp", f),
                o -> new Judgement(!f.listeners().tcpReached(), o.evidence())));
        probes.add(control(d + "UDP datagram to a loopback listener", danger, netClient("udp", f),
                o -> new Judgement(!f.listeners().udpReached(), o.evidence())));
        probes.add(control(d + "read this JVM's environment via /proc/<pid>/environ", danger, jvmEnvironScript(),
                o -> new Judgement(!o.stdout().contains("READABLE"), o.evidence())));
        probes.add(control(d + "signal this JVM", danger, signalJvmScript(),
                o -> new Judgement(!o.stdout().contains("SIGNALLED"), o.evidence())));
        return List.copyOf(probes);
    }

    /** Attacks that must fail under both restricted policies. */
    private static void commonAttacks(EscapeFixture f, SandboxPolicy policy, List<Probe> probes) {
        String p = policy.mode().wire() + ": ";
        String tag = policy.mode().wire();
        Path root = f.root();
        Path out = f.outside();
        probes.add(attack(p + "write outside the writable roots", policy,
                "echo pwned > " + q(out.resolve(tag + "-direct.txt")), mustNotExist(out.resolve(tag + "-direct.txt"))));
        probes.add(attack(p + "write outside via '..'", policy,
                "echo pwned > " + q(root + "/work/../../outside/" + tag + "-dotdot.txt"),
                mustNotExist(out.resolve(tag + "-dotdot.txt"))));
        probes.add(attack(p + "write through a symlink planted in the root", policy,
                "echo pwned > " + q(root.resolve("work/planted-link/" + tag + "-planted.txt")),
                mustNotExist(out.resolve(tag + "-planted.txt"))));
        probes.add(attack(p + "truncate a file outside the roots by path", policy,
                truncateByPathScript(out.resolve("victim.txt")),
                o -> unchanged(out.resolve("victim.txt"), EscapeFixture.VICTIM_CONTENT, o)));
        probes.add(attack(p + "write via /proc/self/root", policy,
                "echo pwned > " + q("/proc/self/root" + out.resolve(tag + "-proc.txt")),
                mustNotExist(out.resolve(tag + "-proc.txt"))));
        probes.add(attack(p + "write into .git/hooks", policy,
                "printf '#!/bin/sh\\necho hooked\\n' > " + q(root.resolve(".git/hooks/pre-commit")),
                mustNotExist(root.resolve(".git/hooks/pre-commit"))));
        Path tmpProbe = Path.of("/tmp", "jcodex-escape-" + UUID.randomUUID());
        probes.add(attack(p + "write /tmp (excluded from the roots)", policy,
                "echo pwned > " + q(tmpProbe), mustNotExist(tmpProbe)));
        probes.add(attack(p + "TCP connect to a loopback listener", policy, netClient("tcp", f),
                o -> reached(f.listeners().tcpReached(), o)));
        probes.add(attack(p + "UDP datagram to a loopback listener", policy, netClient("udp", f),
                o -> reached(f.listeners().udpReached(), o)));
        probes.add(attack(p + "read this JVM's environment via /proc/<pid>/environ", policy, jvmEnvironScript(),
                o -> new Judgement(!o.stdout().contains("READABLE"),
                        o.stdout().contains("READABLE") ? "the child read /proc/" + ProcessHandle.current().pid()
                                + "/environ" : o.evidence())));
        probes.add(attack(p + "see this JVM's secret-looking variables", policy, "env", EscapeProbes::secretsHidden));
        probes.add(attack(p + "signal this JVM", policy, signalJvmScript(),
                o -> new Judgement(!o.stdout().contains("SIGNALLED"),
                        o.stdout().contains("SIGNALLED") ? "kill -0 reached the JVM" : o.evidence())));
    }

    private static void workspaceAttacks(EscapeFixture f, SandboxPolicy ws, List<Probe> probes) {
        String p = "workspace-write: ";
        Path root = f.root();
        Path out = f.outside();
        probes.add(attack(p + "write through a symlink the command creates", ws,
                "ln -s " + q(out) + " " + q(root.resolve("work/made-link")) + " && echo pwned > "
                        + q(root.resolve("work/made-link/made.txt")), mustNotExist(out.resolve("made.txt"))));
        probes.add(attack(p + "write through a hard link to an outside file", ws,
                "ln " + q(out.resolve("victim.txt")) + " " + q(root.resolve("work/hard-link")) + " && echo pwned >> "
                        + q(root.resolve("work/hard-link")),
                o -> unchanged(out.resolve("victim.txt"), EscapeFixture.VICTIM_CONTENT, o)));
        probes.add(attack(p + "rename the root directory", ws,
                "mv " + q(root) + " " + q(f.runDir().resolve("root-renamed")),
                o -> notMoved(root, f.runDir().resolve("root-renamed"), o)));
        Path movedRun = f.runDir().resolveSibling(f.runDir().getFileName() + "-renamed");
        probes.add(attack(p + "rename the root's parent directory", ws, "mv " + q(f.runDir()) + " " + q(movedRun),
                o -> notMoved(f.runDir(), movedRun, o)));
        probes.add(attack(p + "move a writable directory out of the root", ws,
                "mv " + q(root.resolve("work")) + " " + q(out.resolve("work-moved")),
                o -> notMoved(root.resolve("work"), out.resolve("work-moved"), o)));
        probes.add(attack(p + "append to .git/config", ws,
                "echo '[core] hooksPath = /tmp' >> " + q(root.resolve(".git/config")),
                o -> unchanged(root.resolve(".git/config"), "[core]\n\tbare = false\n", o)));
        probes.add(attack(p + "move .git aside", ws,
                "mv " + q(root.resolve(".git")) + " " + q(root.resolve("work/git-moved")),
                o -> stillInPlace(root.resolve(".git"), root.resolve(".git/config"), root.resolve("work/git-moved"),
                        o)));
    }

    private static void readOnlyAttacks(EscapeFixture f, SandboxPolicy ro, List<Probe> probes) {
        String p = "read-only: ";
        Path root = f.root();
        probes.add(attack(p + "write a new file inside the root", ro,
                "echo pwned > " + q(root.resolve("work/read-only.txt")), mustNotExist(root.resolve("work/read-only.txt"))));
        probes.add(attack(p + "append to a file inside the root", ro,
                "echo pwned >> " + q(root.resolve("work/readme.txt")),
                o -> unchanged(root.resolve("work/readme.txt"), EscapeFixture.README_CONTENT, o)));
    }

    static Probe attack(String name, SandboxPolicy policy, String script, Judge judge) {
        return new Probe(name, Expectation.CONTAINED, policy, script, judge);
    }

    static Probe control(String name, SandboxPolicy policy, String script, Judge judge) {
        return new Probe("control: " + name, Expectation.ALLOWED, policy, script, judge);
    }

    /** Contained when {@code path} was not created; removes it if it was, so later probes start clean. */
    static Judge mustNotExist(Path path) {
        return o -> {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return new Judgement(true, o.evidence());
            }
            deleteRecursively(path);
            return new Judgement(false, path + " was created");
        };
    }

    static Judgement unchanged(Path file, String expected, Outcome o) throws IOException {
        String now = Files.readString(file);
        if (now.equals(expected)) {
            return new Judgement(true, o.evidence());
        }
        Files.writeString(file, expected);
        return new Judgement(false, file + " was modified");
    }

    /** For controls: "contained" (the control failed) unless {@code file} holds exactly {@code expected}. */
    static Judgement fileHolds(Path file, String expected, Outcome o) throws IOException {
        boolean holds = Files.isRegularFile(file) && Files.readString(file).equals(expected);
        return new Judgement(!holds, holds ? file + " written" : o.evidence());
    }

    /** Contained when {@code from} is still in place and {@code to} does not exist; moves it back otherwise. */
    static Judgement notMoved(Path from, Path to, Outcome o) throws IOException {
        if (Files.exists(from, LinkOption.NOFOLLOW_LINKS) && !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            return new Judgement(true, o.evidence());
        }
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS) && !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(to, from);
        }
        return new Judgement(false, from + " was moved to " + to);
    }

    /**
     * Contained when {@code from} (checked through {@code sentinel} inside it) is still in place. A copy at
     * {@code copy} is fine — reading is allowed — and is removed; a real move is undone.
     */
    static Judgement stillInPlace(Path from, Path sentinel, Path copy, Outcome o) throws IOException {
        if (Files.exists(sentinel, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(copy);
                return new Judgement(true, "copied, not moved: " + o.evidence());
            }
            return new Judgement(true, o.evidence());
        }
        if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS) && !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(copy, from);
        }
        return new Judgement(false, from + " was moved or emptied");
    }

    private static Judgement reached(boolean reached, Outcome o) {
        if (o.exitCode() == NO_CLIENT_EXIT && !reached) {
            return new Judgement(false, "could not attempt: " + o.evidence());
        }
        return new Judgement(!reached, reached ? "the listener received traffic" : o.evidence());
    }

    /** Contained unless a secret-looking variable of this JVM shows up in the child's {@code env} output. */
    private static Judgement secretsHidden(Outcome o) {
        List<String> probed = new ArrayList<>();
        List<String> leaked = new ArrayList<>();
        System.getenv().forEach((name, value) -> {
            if (SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches() && value.length() >= MIN_SECRET_LENGTH) {
                probed.add(name);
                if (o.stdout().contains(value)) {
                    leaked.add(name);
                }
            }
        });
        if (!leaked.isEmpty()) {
            return new Judgement(false, "the child saw the values of " + String.join(", ", leaked.stream().sorted().toList()));
        }
        if (probed.isEmpty()) {
            return new Judgement(true, "this JVM has no KEY/SECRET/TOKEN-named variables that could leak");
        }
        return new Judgement(true, "none of " + probed.size() + " secret-looking variables reached the child");
    }

    /** Calls truncate(2) on a path (not open + ftruncate, which the write check alone would stop). */
    private static String truncateByPathScript(Path file) {
        return "if command -v python3 > /dev/null 2>&1; then exec python3 -c "
                + q("import os, sys; os.truncate(sys.argv[1], 0)") + " " + q(file)
                + "; elif command -v perl > /dev/null 2>&1; then exec perl -e "
                + q("truncate($ARGV[0], 0) or die \"truncate: $!\\n\"") + " " + q(file)
                + "; else exec truncate -s 0 " + q(file) + "; fi";
    }

    /** {@code kill -0}: asks whether a signal could be delivered, without delivering one. */
    private static String signalJvmScript() {
        return "kill -0 " + ProcessHandle.current().pid() + " && echo SIGNALLED";
    }

    private static String jvmEnvironScript() {
        return "cat /proc/" + ProcessHandle.current().pid() + "/environ > /dev/null && echo READABLE";
    }

    /** A shell script sending "probe" to the fixture's loopback listener with bash or python3. */
    private static String netClient(String protocol, EscapeFixture f) {
        boolean tcp = protocol.equals("tcp");
        int port = tcp ? f.listeners().tcpPort() : f.listeners().udpPort();
        String bash = "echo probe > /dev/" + protocol + "/127.0.0.1/" + port;
        String python = tcp
                ? "import socket; s = socket.create_connection((\"127.0.0.1\", " + port + ")); s.sendall(b\"probe\")"
                : "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b\"probe\", (\"127.0.0.1\", "
                        + port + "))";
        return "if command -v bash > /dev/null 2>&1; then exec bash -c " + q(bash)
                + "; elif command -v python3 > /dev/null 2>&1; then exec python3 -c " + q(python)
                + "; else echo 'no bash or python3 to open a socket' >&2; exit " + NO_CLIENT_EXIT + "; fi";
    }

    static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteRecursively(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    /** Single-quotes {@code value} for {@code /bin/sh}. */
    static String q(Object value) {
        return "'" + value.toString().replace("'", "'\\''") + "'";
    }
}
