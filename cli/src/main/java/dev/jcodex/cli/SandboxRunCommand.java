package dev.jcodex.cli;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.config.Config;
import dev.jcodex.process.ExecRequest;
import dev.jcodex.process.OutputCaps;
import dev.jcodex.process.OutputListener;
import dev.jcodex.process.ProcessException;
import dev.jcodex.process.ProcessLauncher;
import dev.jcodex.process.RunningProcess;
import dev.jcodex.process.StreamKind;
import dev.jcodex.sandbox.SandboxMechanism;
import dev.jcodex.sandbox.SandboxPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code codex sandbox linux [--full-auto] [-c key=value…] [--] COMMAND…} (alias {@code landlock}): runs one command
 * under the sandbox the agent would use, as the reference does: {@code read-only}, or {@code workspace-write} with
 * {@code --full-auto} ({@code [sandbox_workspace_write]} settings from config apply), in the config's working
 * directory, with the environment filtered by {@code [shell_environment_policy]}. Output is passed through as it
 * arrives, stdin is forwarded through a pipe, and the command's exit code becomes ours. When no mechanism can
 * enforce the policy the command is refused (exit 1), never run unconfined.
 */
@Command(name = "linux", aliases = "landlock", mixinStandardHelpOptions = true,
        description = "Run a command under the Linux sandbox (Landlock + seccomp, or bubblewrap): read-only, or "
                + "workspace-write with --full-auto.")
final class SandboxRunCommand implements Callable<Integer> {

    /** Retained output is never read (everything is streamed); keep the capture buffers small. */
    private static final OutputCaps CAPS = new OutputCaps(4096, OutputCaps.Retention.HEAD);

    @Option(names = "--full-auto",
            description = "Allow writes in the working directory and configured writable roots (workspace-write).")
    boolean fullAuto;

    @Mixin
    ConfigFlags config;

    @Option(names = "--sandbox-mechanism", paramLabel = "MECHANISM", hidden = true,
            description = "Force a mechanism instead of detecting one: landlock, bubblewrap or none (refuses).")
    SandboxMechanism mechanism;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command;

    private CommandSpec spec;
    private final CliIo io;

    SandboxRunCommand(CliIo io) {
        this.io = io;
    }

    /** Everything after the first positional argument belongs to the command, options included. */
    @Spec
    void spec(CommandSpec commandSpec) {
        this.spec = commandSpec;
        commandSpec.parser().stopAtPositional(true);
    }

    @Override
    public Integer call() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            throw new CliException("codex sandbox linux: only available on Linux.", 1);
        }
        SharedOptions own = config.own();
        if (fullAuto) {
            own.fullAuto = true;
        } else {
            own.sandbox = "read-only";
        }
        Config cfg = ConfigFlags.load(io, spec, own);
        Path cwd = cfg.cwd();
        Map<String, String> env = SandboxSupport.childEnv(cfg, io.env());
        SandboxPlan plan = SandboxSupport.selector(mechanism).plan(cfg.sandboxPolicy(), cwd, env);
        Map<String, String> childEnv = new LinkedHashMap<>(env);
        childEnv.putAll(plan.envAdditions());
        ExecRequest base = new ExecRequest(command, cwd, childEnv, null, CAPS, ExecRequest.Stdin.PIPE,
                ExecRequest.Terminal.PIPES, SpawnConfinement.NONE);
        ExecRequest request = switch (plan) {
            case SandboxPlan.RunPlain p -> base;
            case SandboxPlan.WrapArgv w -> new ExecRequest(w.wrap(command), cwd, childEnv, null, CAPS,
                    ExecRequest.Stdin.PIPE, ExecRequest.Terminal.PIPES, SpawnConfinement.NONE);
            case SandboxPlan.Confine c -> base.withConfinement(c.confinement());
            case SandboxPlan.Unavailable u -> throw refusal(u.reason());
        };
        return run(request);
    }

    private int run(ExecRequest request) {
        RunningProcess process;
        try {
            process = ProcessLauncher.system().start(request, passThrough(io.out(), io.err()));
        } catch (SpawnConfinement.SandboxUnavailableException e) {
            throw refusal(e.getMessage());
        } catch (ProcessException e) {
            throw new CliException("codex sandbox linux: " + e.getMessage(), 1);
        }
        Thread killOnExit = new Thread(process::kill, "jcodex-sandbox-kill");
        boolean hooked = addShutdownHook(killOnExit);
        try (process) {
            forwardStdin(io.in(), process);
            int code = process.waitFor();
            process.awaitOutputClosed(RunningProcess.IO_DRAIN_TIMEOUT);
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            io.out().flush();
            io.err().flush();
            if (hooked) {
                removeShutdownHook(killOnExit);
            }
        }
    }

    private static CliException refusal(String reason) {
        return new CliException("codex sandbox linux: " + reason + "\nRefusing to run the command without a sandbox.",
                1);
    }

    /** Streams the child's stdout and stderr to ours, chunk by chunk as it arrives. */
    private static OutputListener passThrough(PrintStream out, PrintStream err) {
        return (stream, chunk) -> {
            PrintStream target = stream == StreamKind.STDOUT ? out : err;
            target.write(chunk, 0, chunk.length);
            target.flush();
        };
    }

    /** Copies {@code in} to the child's stdin on a daemon thread, closing the pipe at end of input. */
    private static void forwardStdin(InputStream in, RunningProcess process) {
        Thread.ofPlatform().daemon(true).name("jcodex-sandbox-stdin-" + process.pid()).start(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (n > 0) {
                        process.write(Arrays.copyOf(buffer, n));
                    }
                }
            } catch (IOException | ProcessException e) {
                // The child closed its stdin or exited; nothing more to forward.
            } finally {
                process.closeStdin();
            }
        });
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook kills the child.
        }
    }
}
