package dev.jcodex.sandbox;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.sandbox.LandlockRules.PathRule;
import dev.jcodex.sandbox.LinuxSyscalls.SyscallFailedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Confines the calling platform thread — and every process it spawns afterwards — with Landlock and seccomp,
 * through the FFM API. The JVM's other threads are untouched: Landlock's {@code restrict_self},
 * {@code no_new_privs} and a seccomp filter installed without {@code TSYNC} all act on one thread.
 *
 * <p>What {@link #applyToCurrentThread()} enforces, computed afresh on each call:
 * <ul>
 *   <li>read and execute everywhere;</li>
 *   <li>write (every file-system right of the running ABI except creating device nodes) beneath the writable
 *       roots of {@link WritableRoots#of}; plus {@code /dev/null}, {@code /dev/zero}, {@code /dev/full},
 *       {@code /dev/random}, {@code /dev/urandom}, {@code /dev/tty}, {@code /dev/ptmx} and {@code /dev/pts};</li>
 *   <li>read-only paths inside the writable roots ({@code .git}, {@code .agents}, {@code .codex}) kept
 *       read-only by one of two {@link Layout layouts}: read-only bind mounts in a private mount namespace of
 *       the spawning thread, with the roots granted whole ({@link Layout#MOUNT_NAMESPACE}, when this process
 *       may create mount namespaces), or Landlock rules split around them ({@link Layout#SPLIT}, see
 *       {@link LandlockRules});</li>
 *   <li>signals only to processes in the same sandbox (ABI 6+);</li>
 *   <li>with the network off: no TCP bind/connect (ABI 4+), no abstract Unix sockets outside the sandbox
 *       (ABI 6+), and seccomp refusing any socket that is not {@code AF_UNIX} (all ABIs);</li>
 *   <li>always: the seccomp deny list of {@link Arch#alwaysDenied()} ({@code ptrace}, io_uring, module
 *       loading, {@code bpf}, …), {@code no_new_privs}, and — when running as root — privileged capabilities
 *       removed from the bounding set ({@link BoundingSet}).</li>
 * </ul>
 *
 * <p>Call it only on a fresh platform thread that will spawn one child and then end; after it returns (or
 * throws) the thread is restricted for good.
 */
public final class LandlockConfinement implements SpawnConfinement {

    private static final System.Logger LOG = System.getLogger(LandlockConfinement.class.getName());

    /** Whether Landlock can be used, and at which ABI: {@code problem} is null exactly when {@code abi >= 1}. */
    record Support(int abi, String problem) {}

    /** How read-only paths inside writable roots are kept read-only. */
    enum Layout {
        /**
         * A private mount namespace per spawn with read-only bind mounts over the protected paths (the working
         * directory's missing {@code .codex} is created first); writable roots are granted whole. Needs
         * {@code CAP_SYS_ADMIN}; falls back to {@link #SPLIT} for a spawn whose mounts fail.
         */
        MOUNT_NAMESPACE,
        /** Landlock alone: directories holding a protected path are granted entry by entry. */
        SPLIT
    }

    private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

    private final SandboxPolicy policy;
    private final Path cwd;
    private final Map<String, String> env;
    private final Support support;
    private final Layout layout;

    private LandlockConfinement(SandboxPolicy policy, Path cwd, Map<String, String> env, Support support,
            Layout layout) {
        this.policy = policy;
        this.cwd = cwd;
        this.env = env;
        this.support = support;
        this.layout = layout;
    }

    /**
     * A confinement for {@code policy}.
     *
     * @param policy {@code read-only} or {@code workspace-write}; {@code danger-full-access} needs no
     *               confinement and is rejected with {@link IllegalArgumentException}
     * @param cwd    the policy's working directory (a writable root under {@code workspace-write})
     * @param env    the child's environment; only {@code TMPDIR} is read
     */
    public static LandlockConfinement forPolicy(SandboxPolicy policy, Path cwd, Map<String, String> env) {
        return forPolicy(policy, cwd, env, Probe.RESULT, preferredLayout());
    }

    /** As {@link #forPolicy(SandboxPolicy, Path, Map)} with the given layout. */
    static LandlockConfinement forPolicy(SandboxPolicy policy, Path cwd, Map<String, String> env, Layout layout) {
        return forPolicy(policy, cwd, env, Probe.RESULT, layout);
    }

    /** As {@link #forPolicy(SandboxPolicy, Path, Map)}, acting as if the kernel offered {@code support}. */
    static LandlockConfinement forPolicy(SandboxPolicy policy, Path cwd, Map<String, String> env, Support support,
            Layout layout) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(policy, "policy");
        if (policy instanceof SandboxPolicy.DangerFullAccess) {
            throw new IllegalArgumentException("danger-full-access needs no confinement");
        }
        if (support.abi() > Probe.RESULT.abi()) {
            throw new IllegalArgumentException("cannot act as ABI " + support.abi() + " on a kernel with ABI "
                    + Probe.RESULT.abi());
        }
        return new LandlockConfinement(policy, cwd.toAbsolutePath().normalize(), Map.copyOf(env), support, layout);
    }

    /**
     * {@link Layout#MOUNT_NAMESPACE} when this process can create mount namespaces and bind-mount read-only
     * (probed once per JVM, see {@link MountNamespace}), else {@link Layout#SPLIT}.
     */
    static Layout preferredLayout() {
        return MountNamespace.unavailableReason().isEmpty() ? Layout.MOUNT_NAMESPACE : Layout.SPLIT;
    }

    /** This confinement's layout (a spawn whose mounts fail still falls back to the split one). */
    Layout layout() {
        return layout;
    }

    /** The Landlock ABI version of the running kernel, or 0 when Landlock cannot be used here. */
    public static int abiVersion() {
        return Probe.RESULT.abi();
    }

    /** Why Landlock cannot be used here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(Probe.RESULT.problem());
    }

    @Override
    public void applyToCurrentThread() {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("Landlock confinement must run on a dedicated platform thread");
        }
        if (support.problem() != null) {
            throw new SandboxUnavailableException(support.problem());
        }
        Arch arch = Arch.current().orElseThrow();
        int abi = support.abi();
        boolean networkOff = !policy.hasNetworkAccess();
        List<WritableRoot> roots = WritableRoots.of(policy, cwd, env);
        Set<Path> sealed = layout == Layout.MOUNT_NAMESPACE && !roots.isEmpty() ? seal(arch, roots) : Set.of();
        List<PathRule> rules = LandlockRules.plan(roots, abi, sealed);
        int rulesetFd = -1;
        try {
            rulesetFd = Landlock.createRuleset(abi, Landlock.handledFs(abi),
                    networkOff ? Landlock.handledNet(abi) : 0, Landlock.scopes(abi, networkOff));
            for (PathRule rule : rules) {
                addRule(arch, rulesetFd, rule);
            }
            BoundingSet.dropPrivileged(arch);
            SeccompFilter.setNoNewPrivs(arch);
            Landlock.restrictSelf(rulesetFd);
            // Before ABI 3 Landlock cannot govern truncate(2) by path; refuse the call outright (ftruncate needs
            // an fd opened for writing, which Landlock does govern).
            List<Arch.Syscall> extraDenied = abi < 3
                    ? List.of(new Arch.Syscall("truncate", arch.numbers().truncate())) : List.of();
            SeccompFilter.install(arch, SeccompFilter.program(arch,
                    networkOff ? SeccompFilter.Sockets.UNIX_ONLY : SeccompFilter.Sockets.ANY, extraDenied));
        } catch (SyscallFailedException e) {
            throw new SandboxUnavailableException("could not confine the command with Landlock/seccomp ("
                    + e.getMessage() + "); refusing to run it unsandboxed", e);
        } finally {
            LinuxSyscalls.closeQuietly(arch, rulesetFd);
        }
    }

    /**
     * Enters a private mount namespace with the protected paths mounted read-only; returns the read-only paths
     * those mounts cover, or nothing (the split layout) when the namespace cannot be set up.
     */
    private Set<Path> seal(Arch arch, List<WritableRoot> roots) {
        try {
            Set<Path> sealed = MountNamespace.enter(arch, MountPlan.of(roots, cwd),
                    Path.of(System.getProperty("user.dir")));
            return MountPlan.covered(roots, sealed);
        } catch (SyscallFailedException e) {
            if (FALLBACK_LOGGED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.DEBUG, "mount-namespace layout failed ({0}); this spawn, and any later"
                        + " one that fails the same way, uses the split layout", e.getMessage());
            }
            return Set.of();
        }
    }

    private static void addRule(Arch arch, int rulesetFd, PathRule rule) throws SyscallFailedException {
        // Fixed system paths may be symlinks (/dev/ptmx -> pts/ptmx); everything planned from the user's
        // roots is opened with O_NOFOLLOW so a symlink swapped in since planning grants nothing.
        boolean fixedSystemPath = rule.path().equals(Path.of("/")) || rule.path().equals(LandlockRules.DEV_PTS)
                || LandlockRules.WRITABLE_DEVICE_FILES.contains(rule.path());
        int fd;
        try {
            fd = LinuxSyscalls.openPath(arch, rule.path().toString(), fixedSystemPath ? 0 : arch.oNoFollow());
        } catch (SyscallFailedException e) {
            if (rule.path().equals(Path.of("/"))) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "skipping Landlock rule for {0}: {1}", rule.path(), e.getMessage());
            return; // Vanished since planning, or not openable: it simply gets no write right.
        }
        try {
            Landlock.addPathRule(rulesetFd, fd, rule.access(), rule.path().toString());
        } catch (SyscallFailedException e) {
            if (e.errno() != LinuxSyscalls.EINVAL || rule.path().equals(Path.of("/"))) {
                throw e;
            }
            // Swapped for another kind of file since planning: fail closed, grant nothing there.
            LOG.log(System.Logger.Level.DEBUG, "skipping Landlock rule for {0}: {1}", rule.path(), e.getMessage());
        } finally {
            LinuxSyscalls.closeQuietly(arch, fd);
        }
    }

    @Override
    public String toString() {
        return "LandlockConfinement[" + policy.mode().wire() + ", cwd=" + cwd + ", abi=" + support.abi() + ", "
                + layout + "]";
    }

    /** The once-per-JVM answer to "can Landlock be used here, and which ABI?". */
    private static final class Probe {
        static final Support RESULT = probe();

        private static Support probe() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                return new Support(0, "Landlock needs Linux; this is " + System.getProperty("os.name"));
            }
            if (Arch.current().isEmpty()) {
                return new Support(0, "the Landlock/seccomp sandbox supports x86-64 and aarch64, not "
                        + System.getProperty("os.arch"));
            }
            try {
                if (!LinuxSyscalls.available()) {
                    return new Support(0, "libc's syscall() is not reachable through the FFM linker");
                }
                int abi = Landlock.probeAbi();
                return abi >= 1 ? new Support(abi, null)
                        : new Support(0, "the kernel reports Landlock ABI " + abi);
            } catch (SyscallFailedException e) {
                return new Support(0, "Landlock is not available on this kernel (" + e.getMessage()
                        + "); it needs Linux 5.13+ with Landlock enabled in the LSM list");
            } catch (RuntimeException | LinkageError e) {
                return new Support(0, "native access failed (" + e
                        + "); run the JVM with --enable-native-access=ALL-UNNAMED");
            }
        }
    }
}
