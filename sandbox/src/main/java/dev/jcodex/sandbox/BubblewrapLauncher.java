package dev.jcodex.sandbox;

import dev.jcodex.protocol.SandboxPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Builds the {@code bwrap} (bubblewrap) argv that confines a command to a policy, and finds out once per JVM
 * whether a working {@code bwrap} exists here.
 *
 * <p>Layout: {@code --new-session --die-with-parent --unshare-user --unshare-pid --cap-drop ALL [--unshare-net]
 * --ro-bind / / --dev /dev --proc /proc}, then {@code --bind R R} for each writable root, {@code --bind D D} for
 * each directory between an enclosing writable root and a protected path (so a project inside a writable
 * {@code /tmp} cannot be renamed away: a mount point gives {@code EBUSY}), and {@code --ro-bind P P} for each
 * protected path, as {@link MountPlan} lists them. The working directory's {@code .codex}, protected even when it
 * does not exist, is created as an empty directory first (a missing name cannot be mounted over) — a visible
 * side effect in the user's tree, harmless to git. Only what still cannot be mounted over (a protected symlink,
 * a {@code .codex} that could not be created) makes its directory read-only with its other entries bound
 * writable again one by one: there, as in Landlock's split layout (see {@link LandlockRules}), no entry can be
 * created, deleted or renamed directly in that directory.
 * {@code --cap-drop ALL} matters when the JVM runs as root: bwrap then keeps every capability inside the sandbox
 * by default, and with {@code CAP_SYS_ADMIN} a command could simply unmount the read-only {@code .git} and write
 * its hooks (found by the escape suite).
 * There is no seccomp filter on this path: the network namespace already leaves only a private loopback, and
 * the user and PID namespaces keep {@code ptrace} and signals inside.
 */
public final class BubblewrapLauncher {

    private static final System.Logger LOG = System.getLogger(BubblewrapLauncher.class.getName());
    private static final long PROBE_TIMEOUT_SECONDS = 10;

    private final Path executable;

    private BubblewrapLauncher(Path executable) {
        this.executable = executable;
    }

    /** A launcher using {@code executable} as {@code bwrap}, without probing it. */
    public static BubblewrapLauncher at(Path executable) {
        return new BubblewrapLauncher(executable.toAbsolutePath().normalize());
    }

    /**
     * The system {@code bwrap} if one is on {@code PATH} (outside the JVM's working directory) and can actually
     * create the namespaces it needs here; probed once per JVM.
     */
    public static Optional<BubblewrapLauncher> detect() {
        return Optional.ofNullable(Probe.RESULT.launcher());
    }

    /** Why {@link #detect()} found nothing usable, or empty when it did. */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(Probe.RESULT.problem());
    }

    /** The {@code bwrap} executable. */
    public Path executable() {
        return executable;
    }

    /**
     * The argv prefix (ending with {@code --}) that runs a command under {@code policy}.
     *
     * @param policy {@code read-only} or {@code workspace-write}; {@code danger-full-access} is rejected with
     *               {@link IllegalArgumentException}
     * @param cwd    the policy's working directory
     * @param env    the child's environment; only {@code TMPDIR} is read
     */
    public List<String> argvPrefix(SandboxPolicy policy, Path cwd, Map<String, String> env) {
        if (policy instanceof SandboxPolicy.DangerFullAccess) {
            throw new IllegalArgumentException("danger-full-access needs no bubblewrap");
        }
        List<String> argv = new ArrayList<>(List.of(executable.toString(), "--new-session", "--die-with-parent",
                "--unshare-user", "--unshare-pid", "--cap-drop", "ALL"));
        if (!policy.hasNetworkAccess()) {
            argv.add("--unshare-net");
        }
        argv.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));
        List<WritableRoot> roots = WritableRoots.of(policy, cwd, env);
        roots.stream().map(WritableRoot::root).filter(root -> Files.exists(root)).sorted(Comparator.naturalOrder())
                .forEach(root -> argv.addAll(List.of("--bind", root.toString(), root.toString())));
        MountPlan mounts = MountPlan.of(roots, cwd);
        List<Path> unsealed = new ArrayList<>(mounts.unsealed());
        mounts.codexToCreate().ifPresent(codex -> {
            if (!MountNamespace.createCodexDirectory(codex)) {
                unsealed.add(codex);
            }
        });
        Set<Path> rootPaths = new HashSet<>(roots.stream().map(WritableRoot::root).toList());
        mounts.pins().stream().filter(pin -> !rootPaths.contains(pin)) // roots are mount points already
                .forEach(pin -> argv.addAll(List.of("--bind", pin.toString(), pin.toString())));
        // What cannot be mounted over (a symlink, a .codex that could not be created): make the directory that
        // holds it read-only instead and re-bind its other entries writable (later mounts shadow earlier ones).
        Set<Path> readOnly = new HashSet<>();
        roots.forEach(root -> readOnly.addAll(root.readOnlySubpaths()));
        unsealed.stream().map(Path::getParent)
                .filter(parent -> parent != null && Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS))
                .distinct().sorted(MountPlan.OUTER_FIRST)
                .forEach(parent -> rebindChildren(parent, readOnly, argv));
        mounts.seals().stream().filter(p -> !unsealed.contains(p))
                .forEach(p -> argv.addAll(List.of("--ro-bind", p.toString(), p.toString())));
        argv.add("--");
        return List.copyOf(argv);
    }

    private static void rebindChildren(Path dir, Set<Path> readOnly, List<String> argv) {
        argv.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            return; // Unlistable: leave the whole directory read-only (fail closed).
        }
        children.sort(Comparator.naturalOrder());
        for (Path child : children) {
            if (readOnly.contains(child) || Files.isSymbolicLink(child)) {
                continue;
            }
            // --bind-try: an entry deleted between listing and start must not make bwrap fail.
            argv.addAll(List.of("--bind-try", child.toString(), child.toString()));
        }
    }

    /** Runs {@code bwrap} with every namespace option this class uses around {@code /bin/true}. */
    static Optional<String> probe(Path bwrap) {
        List<String> command = List.of(bwrap.toString(), "--new-session", "--die-with-parent", "--unshare-user",
                "--unshare-pid", "--cap-drop", "ALL", "--unshare-net", "--ro-bind", "/", "/", "--dev", "/dev",
                "--proc", "/proc", "--", "/bin/true");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> output = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (var in = process.getInputStream()) {
                    output.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    output.complete("");
                }
            });
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(bwrap + " did not finish its self-test within " + PROBE_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            String message = output.join();
            return Optional.of(bwrap + " cannot create its namespaces here (exit " + process.exitValue() + ": "
                    + message + "); user namespaces are probably disabled in this container");
        } catch (IOException e) {
            return Optional.of("could not run " + bwrap + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing " + bwrap);
        }
    }

    /** {@code bwrap} on the given search path, skipping anything inside {@code cwd} (it could be planted). */
    static Optional<Path> findOnPath(String searchPath, Path cwd) {
        Path canonicalCwd = WritableRoots.canonical(cwd);
        for (String dir : searchPath.split(":")) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = WritableRoots.canonical(Path.of(dir).resolve("bwrap"));
            if (candidate.isAbsolute() && !candidate.startsWith(canonicalCwd) && Files.isRegularFile(candidate)
                    && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "BubblewrapLauncher[" + executable + "]";
    }

    private static final class Probe {
        record Result(BubblewrapLauncher launcher, String problem) {}

        static final Result RESULT = probe();

        private static Result probe() {
            if (!System.getProperty("os.name", "").startsWith("Linux")) {
                return new Result(null, "bubblewrap needs Linux");
            }
            String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
            Optional<Path> bwrap = findOnPath(path, Path.of(System.getProperty("user.dir")));
            if (bwrap.isEmpty()) {
                return new Result(null, "no bwrap on PATH (install the bubblewrap package)");
            }
            Optional<String> problem = BubblewrapLauncher.probe(bwrap.get());
            problem.ifPresent(p -> LOG.log(System.Logger.Level.INFO, "bubblewrap unusable: {0}", p));
            return problem.map(p -> new Result(null, p))
                    .orElseGet(() -> new Result(new BubblewrapLauncher(bwrap.get()), null));
        }
    }
}
