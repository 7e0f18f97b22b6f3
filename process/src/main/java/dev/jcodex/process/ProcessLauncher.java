package dev.jcodex.process;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts child processes.
 *
 * <p>On Linux (x86-64, AArch64, glibc 2.34+, native access enabled) children are started with {@code posix_spawn}
 * through the FFM API: each child leads its own session and process group, inherits no descriptor above 2, and
 * starts with default signal dispositions. When the request carries a {@link dev.jcodex.common.SpawnConfinement}
 * other than {@code NONE}, the spawn runs on a fresh platform thread that first applies it and then ends, so the
 * child inherits the thread's Landlock/seccomp restrictions and no other JVM thread ever does. Elsewhere a {@link
 * ProcessBuilder} fallback runs unconfined, piped requests only.
 */
public final class ProcessLauncher {

    /** Reference cap on output deltas streamed per one-shot run; capture continues beyond it. */
    public static final int MAX_DELTAS_PER_RUN = 10_000;

    private static final class SystemHolder {
        static final ProcessLauncher INSTANCE = new ProcessLauncher(
                NativeSpawner.create().orElseGet(JdkSpawner::new));
    }

    private final Spawner spawner;

    ProcessLauncher(Spawner spawner) {
        this.spawner = spawner;
    }

    /** The launcher for this machine (native on Linux, portable fallback elsewhere). */
    public static ProcessLauncher system() {
        return SystemHolder.INSTANCE;
    }

    /** The portable {@link ProcessBuilder} launcher (no PTY, no confinement); mainly for tests and diagnostics. */
    public static ProcessLauncher portable() {
        return new ProcessLauncher(new JdkSpawner());
    }

    /** Whether requests with a non-NONE confinement can run. */
    public boolean supportsConfinement() {
        return spawner.supportsConfinement();
    }

    /** Whether {@link ExecRequest.Terminal#PTY} requests can run. */
    public boolean supportsPty() {
        return spawner.supportsPty();
    }

    /** Starts a child without an output listener. */
    public RunningProcess start(ExecRequest request) {
        return start(request, OutputListener.NONE);
    }

    /**
     * Starts a child and its output readers.
     *
     * @throws SpawnException if the program, working directory, environment or terminal is unusable
     * @throws dev.jcodex.common.SpawnConfinement.SandboxUnavailableException if the confinement cannot be applied;
     *     nothing was started
     */
    public RunningProcess start(ExecRequest request, OutputListener listener) {
        Spawner.SpawnSpec spec = resolve(request);
        long startNanos = System.nanoTime();
        Spawner.SpawnedChild child = spawner.spawn(spec, request.confinement());
        return RunningProcess.begin(child, request, listener, startNanos);
    }

    /** Runs a child to completion without a listener; see {@link #run(ExecRequest, OutputListener)}. */
    public ExecOutput run(ExecRequest request) throws InterruptedException {
        return run(request, OutputListener.NONE);
    }

    /**
     * Runs a child to completion for the {@code shell} / {@code shell_command} tools: waits for the exit (or the
     * timeout, which kills the tree and yields exit code 124), drains output for at most {@link
     * RunningProcess#IO_DRAIN_TIMEOUT}, then kills whatever is left of the tree. At most {@link #MAX_DELTAS_PER_RUN}
     * chunks reach {@code listener}.
     *
     * @throws InterruptedException if interrupted; the process tree has been killed
     */
    public ExecOutput run(ExecRequest request, OutputListener listener) throws InterruptedException {
        try (RunningProcess process = start(request, capped(listener))) {
            process.waitFor();
            process.awaitOutputClosed(RunningProcess.IO_DRAIN_TIMEOUT);
            return process.toExecOutput();
        }
    }

    private static OutputListener capped(OutputListener listener) {
        AtomicInteger delivered = new AtomicInteger();
        return new OutputListener() {
            @Override
            public void onOutput(StreamKind stream, byte[] chunk) {
                if (delivered.incrementAndGet() <= MAX_DELTAS_PER_RUN) {
                    listener.onOutput(stream, chunk);
                }
            }

            @Override
            public void onExit(int exitCode, String aggregatedOutput) {
                listener.onExit(exitCode, aggregatedOutput);
            }
        };
    }

    private Spawner.SpawnSpec resolve(ExecRequest request) {
        if (!Files.isDirectory(request.cwd())) {
            throw new SpawnException("working directory does not exist or is not a directory: " + request.cwd());
        }
        if (request.terminal() == ExecRequest.Terminal.PTY && !spawner.supportsPty()) {
            throw new SpawnException("pseudo-terminals are not supported on this platform");
        }
        for (String arg : request.argv()) {
            rejectNul(arg, "argument");
        }
        for (Map.Entry<String, String> entry : request.env().entrySet()) {
            String name = entry.getKey();
            if (name.isEmpty() || name.indexOf('=') >= 0) {
                throw new SpawnException("invalid environment variable name: `" + name + "`");
            }
            rejectNul(name, "environment variable name");
            rejectNul(entry.getValue(), "environment variable " + name);
        }
        String program = request.argv().getFirst();
        return new Spawner.SpawnSpec(ExecutableResolver.resolve(program, request.cwd(), request.env()),
                List.copyOf(request.argv()), request.cwd(), request.env(), request.terminal(), request.stdin());
    }

    private static void rejectNul(String value, String what) {
        if (value.indexOf('\0') >= 0) {
            throw new SpawnException(what + " contains a NUL byte");
        }
    }
}
