package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.exec.CommandRequest;
import dev.jcodex.core.exec.ExecRuntime;
import dev.jcodex.core.exec.LoginShellPolicy;
import dev.jcodex.core.exec.UnifiedExecCalls;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.process.ExecRequest;
import dev.jcodex.process.ShellCommand;
import dev.jcodex.process.UnifiedExecResult;
import dev.jcodex.process.UnifiedExecSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code exec_command} (spec §4.3): runs {@code cmd} in a shell ({@code <shell> -lc <cmd>}, or {@code -c} without
 * login) as a unified exec session, through approval and the sandbox, and returns after the yield time or the exit
 * with the output block ({@code Chunk ID}, {@code Wall time}, exit code or session id, {@code Original token count},
 * {@code Output}). A process still running keeps its session for {@code write_stdin}. {@code apply_patch} typed as
 * the command is applied like the apply_patch tool.
 */
public final class ExecCommandHandler implements ToolHandler {

    static final String NAME = "exec_command";

    private final ApplyPatchHandler applyPatch;
    private final LoginShellPolicy loginShells;

    /** A handler that offers {@code login} (the default of {@code allow_login_shell}). */
    public ExecCommandHandler(ApplyPatchHandler applyPatch) {
        this(applyPatch, LoginShellPolicy.ALLOWED);
    }

    /** A handler whose {@code login} parameter follows {@code loginShells}. */
    public ExecCommandHandler(ApplyPatchHandler applyPatch, LoginShellPolicy loginShells) {
        this.applyPatch = Objects.requireNonNull(applyPatch, "applyPatch");
        this.loginShells = Objects.requireNonNull(loginShells, "loginShells");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode spec() {
        ObjectNode spec = FunctionSpecs.newSpec();
        ObjectNode props = FunctionSpecs.functionSpec(spec, NAME, "Run a shell command and return its output."
                + " If the command is still running when the yield time is over, the result carries a session ID:"
                + " continue with write_stdin to read more output or to send input.");
        FunctionSpecs.property(props, "cmd", "string", "The shell command line to run.");
        FunctionSpecs.property(props, "workdir", "string", "Working directory of the command; relative paths"
                + " are resolved against the turn's working directory, which is also the default.");
        FunctionSpecs.property(props, "shell", "string", "Shell binary to run the command with; defaults to the"
                + " user's shell.");
        FunctionSpecs.property(props, "tty", "boolean", "Run the command on a pseudo-terminal, needed for"
                + " interactive programs and for input via write_stdin. Defaults to false (pipes).");
        FunctionSpecs.property(props, "yield_time_ms", "number", "How long to wait for output before"
                + " returning, in milliseconds (default 10000, between 250 and 30000).");
        FunctionSpecs.property(props, "max_output_tokens", "number", "Most tokens of output to return;"
                + " longer output is cut in the middle.");
        if (loginShells == LoginShellPolicy.ALLOWED) {
            FunctionSpecs.property(props, "login", "boolean", "Start the shell as a login shell so the user's"
                    + " profile is read. Defaults to true.");
        }
        ShellToolSupport.approvalProperties(props);
        FunctionSpecs.finishSpec(spec, "cmd");
        return spec;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        TurnServices turn = inv.turn();
        JsonNode args = Args.parse(inv.functionArguments(), NAME);
        String cmd = Args.requiredString(args, "cmd", NAME);
        Path cwd = ShellToolSupport.workdir(Args.optionalStrictString(args, "workdir", NAME), turn.cwd(), NAME);
        String shell = Args.optionalStrictString(args, "shell", NAME);
        ShellCommand.Login login = ShellToolSupport.login(Args.optionalStrictBoolean(args, "login", NAME),
                loginShells);
        boolean tty = Boolean.TRUE.equals(Args.optionalStrictBoolean(args, "tty", NAME));
        Long yield = Args.optionalNonNegativeLong(args, "yield_time_ms", NAME);
        int maxTokens = maxOutputTokens(Args.optionalNonNegativeLong(args, "max_output_tokens", NAME), turn);
        ExecRuntime runtime = turn.execRuntime();
        List<String> argv = shell == null || shell.isBlank()
                ? ShellCommand.forScript(runtime.userShell(), cmd, login)
                : List.of(shell, login == ShellCommand.Login.LOGIN ? "-lc" : "-c", cmd);
        CommandRequest request = ShellToolSupport.request(inv.callId(), argv, cwd, args, NAME);
        Optional<ToolResult> patched = ShellToolSupport.interceptApplyPatch(argv, cwd, inv.callId(), turn,
                applyPatch);
        if (patched.isPresent()) {
            return patched.get();
        }
        UnifiedExecCalls.Result result = UnifiedExecCalls.start(turn, request,
                tty ? ExecRequest.Terminal.PTY : ExecRequest.Terminal.PIPES,
                yield == null ? UnifiedExecSessions.DEFAULT_EXEC_YIELD_MS : yield, maxTokens);
        return toolResult(result);
    }

    /** {@code max_output_tokens} (default 10 000) capped by the turn's budget. */
    static int maxOutputTokens(Long requested, TurnServices turn) {
        long tokens = requested == null ? UnifiedExecSessions.DEFAULT_MAX_OUTPUT_TOKENS : requested;
        int budget = turn.outputTokenBudget();
        if (budget > 0) {
            tokens = Math.min(tokens, budget);
        }
        return (int) Math.min(tokens, Integer.MAX_VALUE);
    }

    /** The model's text for a unified exec call; a non-zero exit marks the result as a failure. */
    static ToolResult toolResult(UnifiedExecCalls.Result result) {
        return switch (result) {
            case UnifiedExecCalls.NotRun notRun -> ToolResult.failure(notRun.message());
            case UnifiedExecCalls.Output output -> {
                UnifiedExecResult r = output.result();
                String text = r.warning().map(w -> w + "\n\n" + r.render()).orElseGet(r::render);
                boolean success = !(r.state() instanceof UnifiedExecResult.Exited(int code) && code != 0);
                yield success ? ToolResult.ok(text) : ToolResult.failure(text);
            }
        };
    }
}
