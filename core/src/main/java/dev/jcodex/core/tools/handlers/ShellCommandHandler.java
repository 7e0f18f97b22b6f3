package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.exec.CommandRequest;
import dev.jcodex.core.exec.LoginShellPolicy;
import dev.jcodex.core.exec.OneShotRun;
import dev.jcodex.core.exec.ShellOutputFormat;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.process.ExecOutput;
import dev.jcodex.process.ShellCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code shell_command} (spec §4.4): runs a script in the user's shell ({@code <shell> -lc <script>}, {@code -c}
 * without login) to completion through approval and the sandbox, and answers with the text block
 * {@code Exit code / Wall time / [Total output lines] / Output}.
 */
public final class ShellCommandHandler implements ToolHandler {

    static final String NAME = "shell_command";

    private final ApplyPatchHandler applyPatch;
    private final LoginShellPolicy loginShells;

    /** A handler that offers {@code login} (the default of {@code allow_login_shell}). */
    public ShellCommandHandler(ApplyPatchHandler applyPatch) {
        this(applyPatch, LoginShellPolicy.ALLOWED);
    }

    /** A handler whose {@code login} parameter follows {@code loginShells}. */
    public ShellCommandHandler(ApplyPatchHandler applyPatch, LoginShellPolicy loginShells) {
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
        ObjectNode props = FunctionSpecs.functionSpec(spec, NAME, "Run a shell script in the user's default"
                + " shell and return its output once it has finished. Set workdir instead of using cd.");
        FunctionSpecs.property(props, "command", "string", "The script to run.");
        FunctionSpecs.property(props, "workdir", "string", "Working directory of the script; relative paths"
                + " are resolved against the turn's working directory, which is also the default.");
        FunctionSpecs.property(props, "timeout_ms", "number", "Time limit in milliseconds (default 10000);"
                + " the script and everything it started are killed when it expires.");
        if (loginShells == LoginShellPolicy.ALLOWED) {
            FunctionSpecs.property(props, "login", "boolean", "Start the shell as a login shell so the user's"
                    + " profile is read. Defaults to true.");
        }
        ShellToolSupport.approvalProperties(props);
        FunctionSpecs.finishSpec(spec, "command");
        return spec;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        TurnServices turn = inv.turn();
        JsonNode args = Args.parse(inv.functionArguments(), NAME);
        String script = Args.requiredString(args, "command", NAME);
        Path cwd = ShellToolSupport.workdir(Args.optionalStrictString(args, "workdir", NAME), turn.cwd(), NAME);
        ShellCommand.Login login = ShellToolSupport.login(Args.optionalStrictBoolean(args, "login", NAME),
                loginShells);
        Duration timeout = ShellHandler.timeout(args, NAME);
        List<String> argv = ShellCommand.forScript(turn.execRuntime().userShell(), script, login);
        CommandRequest request = ShellToolSupport.request(inv.callId(), argv, cwd, args, NAME);
        Optional<ToolResult> patched = ShellToolSupport.interceptApplyPatch(argv, cwd, inv.callId(), turn,
                applyPatch);
        if (patched.isPresent()) {
            return patched.get();
        }
        return switch (OneShotRun.execute(turn, request, timeout)) {
            case OneShotRun.NotRun notRun -> ToolResult.failure(notRun.message());
            case OneShotRun.Finished finished -> {
                ExecOutput output = finished.output();
                String text = ShellOutputFormat.text(output, turn.outputTokenBudget());
                yield output.exitCode() == 0 ? ToolResult.ok(text) : ToolResult.failure(text);
            }
        };
    }
}
