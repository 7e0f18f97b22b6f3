package dev.jcodex.core.exec;

import dev.jcodex.config.Config;
import dev.jcodex.config.ProjectSettings;
import dev.jcodex.execpolicy.Policy;
import dev.jcodex.execpolicy.PolicyLoader;
import dev.jcodex.execpolicy.RulesFileException;
import dev.jcodex.execpolicy.RulesLocations;
import dev.jcodex.execpolicy.SandboxPermissions;
import dev.jcodex.process.ExecRequest;
import dev.jcodex.process.ProcessLauncher;
import dev.jcodex.process.RunningProcess;
import dev.jcodex.process.UnifiedExecSessions;
import dev.jcodex.process.UserShell;
import dev.jcodex.sandbox.SandboxSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session-scoped services for running commands: process launcher, sandbox selection, exec policy, the unified
 * exec (PTY) sessions of {@code exec_command}/{@code write_stdin}, the commands the user approved for the session
 * and the one-shot processes currently running. Closing it kills every process it started.
 *
 * <p>Nothing is probed or read in {@link #create}: the sandbox probe, the rules files and the user's shell are
 * resolved on first use, or ahead of it by {@link #prewarm}. Thread-safe.
 */
public final class ExecRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ExecRuntime.class.getName());

    private final Config config;
    private final Map<String, String> env;
    private final Path codexHome;
    private final SandboxSelector fixedSandbox;
    private final Map<SessionApprovalScope, Set<List<String>>> approvals = new ConcurrentHashMap<>();
    private final Set<Path> patchApprovals = ConcurrentHashMap.newKeySet();
    private final Set<RunningProcess> oneShots = ConcurrentHashMap.newKeySet();
    private final Map<Integer, CommandItem> unifiedItems = new ConcurrentHashMap<>();
    /** Guards {@link #closed} and the exec policy. */
    private final Object lock = new Object();
    /** Guards the launcher and the unified exec sessions (linking takes long; nothing else waits for it). */
    private final Object launcherLock = new Object();
    private final Object sandboxLock = new Object();
    private final Object shellLock = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean prewarmStarted =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean sandboxPrewarmStarted =
            new java.util.concurrent.atomic.AtomicBoolean();
    private ProcessLauncher launcher;
    private SandboxSelector sandbox;
    private Policy policy;
    private String policyWarning;
    private UnifiedExecSessions sessions;
    private UserShell userShell;
    private boolean closed;

    private ExecRuntime(Config config, Map<String, String> env, Path codexHome, SandboxSelector fixedSandbox) {
        this.config = Objects.requireNonNull(config, "config");
        this.env = Map.copyOf(env);
        this.codexHome = Objects.requireNonNull(codexHome, "codexHome");
        this.fixedSandbox = fixedSandbox;
    }

    /**
     * Creates the runtime of one session; does no I/O (everything is started lazily on first use).
     *
     * @param config the session's configuration ({@code allow_login_shell}, {@code background_terminal_max_timeout},
     *               {@code shell_environment_policy}, project trust for project rules)
     * @param env the environment of this process (the parent of every child; {@code SHELL} picks the user's shell)
     * @param codexHome {@code $CODEX_HOME}; its {@code rules/} folder holds the user's exec-policy rules
     */
    public static ExecRuntime create(Config config, Map<String, String> env, Path codexHome) {
        return new ExecRuntime(config, env, codexHome, null);
    }

    /** Like {@link #create(Config, Map, Path)} with a fixed sandbox selector (tests, {@code codex sandbox}). */
    public static ExecRuntime create(Config config, Map<String, String> env, Path codexHome, SandboxSelector sandbox) {
        return new ExecRuntime(config, env, codexHome, Objects.requireNonNull(sandbox, "sandbox"));
    }

    /**
     * Resolves, on background threads, what a session's first command would otherwise wait for: the launcher and
     * the unified exec sessions (the launcher's native spawn bindings take ~75 ms to link on a cold JVM), the
     * user's shell and, when {@code sandboxed}, the sandbox probe. Only the first call does anything; a later
     * sandboxed call still starts the sandbox probe. Each part has its own lock, so a command that needs only the
     * shell does not wait for the linking; one that needs a part first just waits for that part. The exec-policy
     * rules stay read on first use. A failure here is left for that first use to report.
     */
    public void prewarm(boolean sandboxed) {
        if (prewarmStarted.compareAndSet(false, true)) {
            Thread.ofVirtual().name("exec-runtime-prewarm").start(() -> quietly(() -> {
                userShell();
                unifiedExec();
            }));
        }
        if (sandboxed && sandboxPrewarmStarted.compareAndSet(false, true)) {
            Thread.ofVirtual().name("exec-sandbox-prewarm").start(() -> quietly(this::sandbox));
        }
    }

    private static void quietly(Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "exec runtime prewarm failed; first use resolves again", e);
        }
    }

    /** The launcher every command of this session is started with. */
    public ProcessLauncher launcher() {
        synchronized (launcherLock) {
            if (launcher == null) {
                launcher = ProcessLauncher.system();
            }
            return launcher;
        }
    }

    /** The sandbox mechanism of this machine (probed once, on first use). */
    public SandboxSelector sandbox() {
        synchronized (sandboxLock) {
            if (sandbox == null) {
                sandbox = fixedSandbox != null ? fixedSandbox : SandboxSelector.detect();
                LOG.log(System.Logger.Level.DEBUG, "sandbox: {0}", sandbox);
            }
            return sandbox;
        }
    }

    /**
     * The exec-policy rules: {@code /etc/codex/rules}, {@code $CODEX_HOME/rules} and the trusted project's
     * {@code .codex/rules} folders. A broken rules file leaves the policy empty (heuristics only) and is reported once
     * through {@link #takePolicyWarning()}.
     */
    public Policy execPolicy() {
        synchronized (lock) {
            if (policy == null) {
                try {
                    policy = PolicyLoader.loadFrom(RulesLocations.standard(codexHome, trustedProjectConfigDirs()),
                            RulesLocations.Scope.ALL_LAYERS);
                } catch (RulesFileException e) {
                    LOG.log(System.Logger.Level.WARNING, "exec policy not loaded", e);
                    policy = Policy.empty();
                    policyWarning = "Error loading rules: " + e.getMessage()
                            + ". Commands are judged without rules until the file is fixed.";
                }
            }
            return policy;
        }
    }

    /** A warning about the rules files for the user, returned at most once. */
    public Optional<String> takePolicyWarning() {
        synchronized (lock) {
            execPolicy();
            String warning = policyWarning;
            policyWarning = null;
            return Optional.ofNullable(warning);
        }
    }

    /** The processes of {@code exec_command} / {@code write_stdin}. */
    public UnifiedExecSessions unifiedExec() {
        synchronized (launcherLock) {
            if (sessions == null) {
                sessions = new UnifiedExecSessions(launcher(),
                        config.permissions().backgroundTerminalMaxTimeoutMs());
            }
            return sessions;
        }
    }

    /** The user's shell: {@code $SHELL} of {@link #create}'s environment if usable, else {@link UserShell#detect()}. */
    public UserShell userShell() {
        synchronized (shellLock) {
            if (userShell == null) {
                userShell = shellFromEnv().orElseGet(UserShell::detect);
            }
            return userShell;
        }
    }

    /** Whether {@code login} shells are allowed ({@code allow_login_shell}, default true). */
    public boolean loginShellAllowed() {
        return config.permissions().allowLoginShell();
    }

    /** The environment of a child of thread {@code threadId}, after {@code shell_environment_policy} (spec §6.6). */
    public Map<String, String> childEnvironment(String threadId) {
        return config.permissions().shellEnvironmentPolicy().apply(env, threadId);
    }

    /**
     * Approval keys ({@link dev.jcodex.execpolicy.ExecApprovals#approvalKey}) the user approved for the session in
     * {@code cwd} with {@code permissions}; the returned set is live and thread-safe.
     */
    public Set<List<String>> approvedForSession(Path cwd, SandboxPermissions permissions) {
        return approvals.computeIfAbsent(new SessionApprovalScope(cwd, permissions),
                scope -> ConcurrentHashMap.newKeySet());
    }

    /**
     * Files the user let patches change for the rest of the session ({@code approved_for_session} on a patch
     * approval, spec §6.3): a later patch touching only these files is not asked about again. Live, thread-safe.
     */
    public Set<Path> patchPathsApprovedForSession() {
        return patchApprovals;
    }

    /** Starts a one-shot process that {@link #close()} will kill if it is still running then. */
    RunningProcess startTracked(ExecRequest request, dev.jcodex.process.OutputListener listener) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the session's exec runtime is closed");
            }
        }
        RunningProcess process = launcher().start(request, listener);
        oneShots.add(process);
        return process;
    }

    /** Forgets a one-shot process after the caller closed it. */
    void untrack(RunningProcess process) {
        oneShots.remove(process);
    }

    /** Remembers the item of a unified exec session that is still running. */
    void trackUnifiedItem(int sessionId, CommandItem item) {
        unifiedItems.put(sessionId, item);
    }

    /** The item of a running unified exec session, removed from tracking. */
    Optional<CommandItem> takeUnifiedItem(int sessionId) {
        return Optional.ofNullable(unifiedItems.remove(sessionId));
    }

    /** The item of a running unified exec session, still tracked. */
    Optional<CommandItem> unifiedItem(int sessionId) {
        return Optional.ofNullable(unifiedItems.get(sessionId));
    }

    /** Kills every one-shot process and unified exec session this runtime started. */
    @Override
    public void close() {
        UnifiedExecSessions toClose;
        synchronized (lock) {
            closed = true;
        }
        synchronized (launcherLock) {
            toClose = sessions;
        }
        List<RunningProcess> running = new ArrayList<>(oneShots);
        oneShots.clear();
        for (RunningProcess process : running) {
            process.close();
        }
        if (toClose != null) {
            toClose.closeAll();
        }
        unifiedItems.clear();
    }

    private Optional<UserShell> shellFromEnv() {
        String shell = env.get("SHELL");
        if (shell == null || shell.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(shell);
        if (!path.isAbsolute() || !Files.isExecutable(path)) {
            return Optional.empty();
        }
        return UserShell.kindOf(path).map(kind -> new UserShell(kind, path));
    }

    /** {@code <dir>/.codex} from the project root down to cwd, when the project is trusted. */
    private List<Path> trustedProjectConfigDirs() {
        ProjectSettings projects = config.projects();
        if (projects == null || !projects.isTrusted() || config.cwd() == null) {
            return List.of();
        }
        Path root = projects.projectRoot() != null ? projects.projectRoot() : config.cwd();
        List<Path> dirs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path dir = config.cwd(); dir != null; dir = dir.getParent()) {
            if (seen.add(dir)) {
                dirs.addFirst(dir.resolve(".codex"));
            }
            if (dir.equals(root)) {
                break;
            }
        }
        return dirs;
    }

    /** Session approvals are kept per working directory and requested sandbox permissions, like the reference. */
    private record SessionApprovalScope(Path cwd, SandboxPermissions permissions) {}
}
