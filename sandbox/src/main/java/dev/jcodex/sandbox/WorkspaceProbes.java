package dev.jcodex.sandbox;

import static dev.jcodex.sandbox.EscapeProbes.attack;
import static dev.jcodex.sandbox.EscapeProbes.control;
import static dev.jcodex.sandbox.EscapeProbes.fileHolds;
import static dev.jcodex.sandbox.EscapeProbes.mustNotExist;
import static dev.jcodex.sandbox.EscapeProbes.notMoved;
import static dev.jcodex.sandbox.EscapeProbes.q;
import static dev.jcodex.sandbox.EscapeProbes.stillInPlace;

import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.sandbox.EscapeProbes.Judge;
import dev.jcodex.sandbox.EscapeProbes.Judgement;
import dev.jcodex.sandbox.EscapeProbes.Probe;
import dev.jcodex.sandbox.EscapeSuite.EscapeFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Escape-suite probes about the workspace itself: its protected paths ({@code .git}, {@code .codex}) and what
 * commands may do with entries directly in the working directory — which depends on the layout the sandbox
 * uses, observed by {@link #layoutProbe} before the other probes run.
 */
final class WorkspaceProbes {

    /** How the sandbox under test keeps protected paths read-only, as observed. */
    enum RootLayout {
        /**
         * Roots writable whole: the working directory's missing {@code .codex} was created (empty) by the sandbox
         * so that it could be mounted read-only (Landlock with a mount namespace, bubblewrap).
         */
        WHOLE,
        /** No {@code .codex} was created: directories holding a protected path refuse new direct entries. */
        SPLIT
    }

    static final String GIT_CONFIG = "[core]\n\tbare = false\n";

    private WorkspaceProbes() {}

    /** A plain workspace-write command; afterwards {@link #observe} tells the layout. */
    static Probe layoutProbe(EscapeFixture f) {
        Path codex = f.root().resolve(".codex");
        return control("workspace-write: a plain command runs", EscapeSuite.workspaceWritePolicy(), "true",
                o -> new Judgement(o.exitCode() != 0, o.exitCode() != 0 ? o.evidence()
                        : observe(f) == RootLayout.WHOLE
                                ? "ran; the sandbox created an empty, read-only " + codex + ": the working directory"
                                        + " is writable whole except .git/.codex/.agents"
                                : "ran; no .codex was created: no new entries directly in the working directory"
                                        + " (split layout)"));
    }

    /** The layout, from whether the working directory's {@code .codex} now exists (it never does beforehand). */
    static RootLayout observe(EscapeFixture f) {
        return Files.isDirectory(f.root().resolve(".codex"), LinkOption.NOFOLLOW_LINKS) ? RootLayout.WHOLE
                : RootLayout.SPLIT;
    }

    static void attacks(EscapeFixture f, RootLayout layout, List<Probe> probes) {
        Path root = f.root();
        Path codex = root.resolve(".codex");
        SandboxPolicy ws = EscapeSuite.workspaceWritePolicy();
        for (SandboxPolicy policy : List.of(ws, new SandboxPolicy.ReadOnly())) {
            String p = policy.mode().wire() + ": ";
            probes.add(attack(p + "create .codex in the working directory", policy, "rmdir .codex 2>/dev/null;"
                    + " mkdir .codex; echo 'model = \"x\"' > .codex/config.toml", codexAsBefore(codex, layout)));
        }
        String p = "workspace-write: ";
        probes.add(attack(p + "write into the working directory's .codex", ws,
                "mkdir -p .codex/rules && echo 'model = \"x\"' > .codex/config.toml", codexAsBefore(codex, layout)));
        if (layout == RootLayout.WHOLE) {
            probes.add(attack(p + "remove the working directory's .codex", ws, "rmdir .codex; mv .codex codex-moved",
                    codexAsBefore(codex, layout)));
        }
        probes.add(attack(p + "rename .git inside the root", ws, "mv .git .git-old",
                o -> stillInPlace(root.resolve(".git"), root.resolve(".git/config"), root.resolve(".git-old"), o)));
        probes.add(attack(p + "remove .git recursively", ws, "rm -rf .git", o -> gitIntact(root, o)));
        probes.add(attack(p + "unmount or remount .git, then write its hooks", ws,
                "umount .git; umount -l .git; mount -o remount,rw,bind .git; echo x > .git/hooks/pre-commit",
                mustNotExist(root.resolve(".git/hooks/pre-commit"))));
        probes.add(attack(p + "bind-mount a writable directory over .git", ws,
                "mount --bind work .git && echo MOUNTED && umount .git",
                o -> new Judgement(!o.stdout().contains("MOUNTED"),
                        o.stdout().contains("MOUNTED") ? "mount --bind over .git succeeded" : o.evidence())));
        probes.add(attack(p + "write .git/hooks through this JVM's /proc/<pid>/root", ws,
                "echo x > " + q("/proc/" + ProcessHandle.current().pid() + "/root" + root.resolve(".git/hooks/jvm")),
                mustNotExist(root.resolve(".git/hooks/jvm"))));
        // The project's parent writable too: the project must not be renamed away and replaced by a forged one.
        Path parent = f.runDir();
        SandboxPolicy nested = new SandboxPolicy.WorkspaceWrite(List.of(parent.toString()), false, true, true);
        String n = "workspace-write, parent directory writable too: ";
        probes.add(attack(n + "rename the project", nested, "mv " + q(root) + " " + q(parent.resolve("root-moved")),
                o -> notMoved(root, parent.resolve("root-moved"), o)));
        probes.add(attack(n + "write into .git/hooks", nested, "echo x > .git/hooks/pre-commit",
                mustNotExist(root.resolve(".git/hooks/pre-commit"))));
    }

    /** Under {@link RootLayout#WHOLE} only: what the split layout refused and this one must allow. */
    static void controls(EscapeFixture f, RootLayout layout, List<Probe> probes) {
        if (layout == RootLayout.SPLIT) {
            return;
        }
        Path root = f.root();
        SandboxPolicy ws = EscapeSuite.workspaceWritePolicy();
        String w = "workspace-write: ";
        probes.add(control(w + "create a directory directly in the root", ws, "mkdir build && echo ok > build/x",
                o -> fileHolds(root.resolve("build/x"), "ok\n", o)));
        probes.add(control(w + "create a file directly in the root", ws, "echo new > new.txt",
                o -> fileHolds(root.resolve("new.txt"), "new\n", o)));
        probes.add(control(w + "delete a file directly in the root", ws, "rm delete-me.txt",
                o -> new Judgement(Files.exists(root.resolve("delete-me.txt")), o.evidence())));
        probes.add(control(w + "edit a file directly in the root with sed -i", ws, "sed -i s/old/new/ edit-me.txt",
                o -> fileHolds(root.resolve("edit-me.txt"), "new\n", o)));
        probes.add(control(w + "rename a file directly in the root", ws, "mv rename-me.txt renamed.txt",
                o -> fileHolds(root.resolve("renamed.txt"), "rename\n", o)));
        Path parent = f.runDir();
        SandboxPolicy nested = new SandboxPolicy.WorkspaceWrite(List.of(parent.toString()), false, true, true);
        probes.add(control("workspace-write, parent directory writable too: create a file directly in the parent",
                nested, "echo ok > " + q(parent.resolve("beside.txt")),
                o -> fileHolds(parent.resolve("beside.txt"), "ok\n", o)));
    }

    /**
     * Contained when {@code .codex} is as the layout left it: an empty directory ({@link RootLayout#WHOLE}) or
     * absent ({@link RootLayout#SPLIT}). Restores that state otherwise.
     */
    private static Judge codexAsBefore(Path codex, RootLayout layout) {
        return o -> {
            boolean asBefore = switch (layout) {
                case WHOLE -> Files.isDirectory(codex, LinkOption.NOFOLLOW_LINKS) && isEmpty(codex);
                case SPLIT -> !Files.exists(codex, LinkOption.NOFOLLOW_LINKS);
            };
            if (asBefore) {
                return new Judgement(true, o.evidence());
            }
            String what = Files.exists(codex, LinkOption.NOFOLLOW_LINKS) ? codex + " was created or written to"
                    : codex + " was removed";
            EscapeProbes.deleteRecursively(codex);
            if (layout == RootLayout.WHOLE) {
                Files.createDirectory(codex);
            }
            return new Judgement(false, what);
        };
    }

    /** Contained when {@code .git/config} and {@code .git/hooks} survived; puts them back otherwise. */
    private static Judgement gitIntact(Path root, EscapeProbes.Outcome o) throws IOException {
        Path config = root.resolve(".git/config");
        if (Files.isRegularFile(config) && Files.readString(config).equals(GIT_CONFIG)
                && Files.isDirectory(root.resolve(".git/hooks"))) {
            return new Judgement(true, o.evidence());
        }
        Files.createDirectories(root.resolve(".git/hooks"));
        Files.writeString(config, GIT_CONFIG);
        return new Judgement(false, root.resolve(".git") + " was emptied");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
