package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.exec.CommandRequest;
import dev.jcodex.core.exec.OneShotRun;
import dev.jcodex.core.exec.ShellOutputFormat;
import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolPayload;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.process.ExecOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code shell} (spec §4.4): runs an argv to completion (timeout 10 s unless {@code timeout_ms}) through approval and
 * the sandbox, and answers with {@code {"output":…,"metadata":{"exit_code":…,"duration_seconds":…}}}. The same
 * handler serves the aliases {@code container.exec} and the Responses built-in {@code local_shell}, whose
 * {@code action} carries {@code command}, {@code working_directory} and {@code timeout_ms}.
 */
public final class ShellHandler implements ToolHandler {

    /** The names this handler can be registered under. */
    public enum Alias {
        /** {@code shell}: a function tool. */
        SHELL("shell"),
        /** {@code container.exec}: same arguments as {@code shell}. */
        CONTAINER_EXEC("container.exec"),
        /** {@code local_shell}: the Responses built-in tool ({@code {"type":"local_shell"}}). */
        LOCAL_SHELL("local_shell");

        private final String toolName;

        Alias(String toolName) {
            this.toolName = toolName;
        }

        /** The name the model calls. */
        public String toolName() {
            return toolName;
        }
    }

    private final ApplyPatchHandler applyPatch;
    private final Alias alias;

    /** The {@code shell} tool. */
    public ShellHandler(ApplyPatchHandler applyPatch) {
        this(applyPatch, Alias.SHELL);
    }

    /** The handler under one of its names. */
    public ShellHandler(ApplyPatchHandler applyPatch, Alias alias) {
        this.applyPatch = Objects.requireNonNull(applyPatch, "applyPatch");
        this.alias = Objects.requireNonNull(alias, "alias");
    }

    @Override
    public String name() {
        return alias.toolName();
    }

    @Override
    public JsonNode spec() {
        ObjectNode spec = FunctionSpecs.newSpec();
        if (alias == Alias.LOCAL_SHELL) {
            return spec.put("type", "local_shell");
        }
        ObjectNode props = FunctionSpecs.functionSpec(spec, name(), "Run a command and return its output once it"
                + " has finished. Pass the program and its arguments as an array; for shell syntax use"
                + " [\"bash\", \"-lc\", \"<script>\"]. Set workdir instead of using cd.");
        ObjectNode command = props.putObject("command");
        command.put("type", "array").put("description", "The program and its arguments.");
        command.putObject("items").put("type", "string");
        FunctionSpecs.property(props, "workdir", "string", "Working directory of the command; relative paths"
                + " are resolved against the turn's working directory, which is also the default.");
        FunctionSpecs.property(props, "timeout_ms", "number", "Time limit in milliseconds (default 10000);"
                + " the command and everything it started are killed when it expires.");
        ShellToolSupport.approvalProperties(props);
        FunctionSpecs.finishSpec(spec, "command");
        return spec;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        TurnServices turn = inv.turn();
        JsonNode args = switch (inv.payload()) {
            case ToolPayload.Function f -> Args.parse(f.arguments(), name());
            case ToolPayload.LocalShell l -> localShellArgs(l.action());
            case ToolPayload.Custom c -> throw new ToolArgumentException(name() + " expects JSON function arguments");
        };
        List<String> argv = Args.optionalStringList(args, "command", name());
        if (argv == null) {
            throw new ToolArgumentException("failed to parse function arguments for " + name()
                    + ": missing field `command`");
        }
        if (argv.isEmpty() || argv.getFirst().isEmpty()) {
            throw new ToolArgumentException("failed to parse function arguments for " + name()
                    + ": `command` must name a program");
        }
        Path cwd = ShellToolSupport.workdir(Args.optionalStrictString(args, "workdir", name()), turn.cwd(), name());
        Duration timeout = timeout(args, name());
        CommandRequest request = ShellToolSupport.request(inv.callId(), argv, cwd, args, name());
        Optional<ToolResult> patched = ShellToolSupport.interceptApplyPatch(argv, cwd, inv.callId(), turn,
                applyPatch);
        if (patched.isPresent()) {
            return patched.get();
        }
        return switch (OneShotRun.execute(turn, request, timeout)) {
            case OneShotRun.NotRun notRun -> ToolResult.failure(notRun.message());
            case OneShotRun.Finished finished -> {
                ExecOutput output = finished.output();
                String json = ShellOutputFormat.json(output, turn.outputTokenBudget());
                yield output.exitCode() == 0 ? ToolResult.ok(json) : ToolResult.failure(json);
            }
        };
    }

    /** {@code timeout_ms} (alias {@code timeout}); default {@link OneShotRun#DEFAULT_TIMEOUT}. */
    static Duration timeout(JsonNode args, String tool) {
        Long ms = Args.optionalNonNegativeLong(args, "timeout_ms", tool);
        if (ms == null) {
            ms = Args.optionalNonNegativeLong(args, "timeout", tool);
        }
        if (ms == null) {
            return OneShotRun.DEFAULT_TIMEOUT;
        }
        return Duration.ofMillis(Math.max(1, ms));
    }

    /** The {@code local_shell} action ({@code {"type":"exec","command":[…],…}}) as {@code shell} arguments. */
    private JsonNode localShellArgs(JsonNode action) {
        if (action == null || !action.isObject()) {
            throw new ToolArgumentException("local_shell action must be an object");
        }
        JsonNode type = action.get("type");
        if (type != null && !type.isNull() && !"exec".equals(type.asString())) {
            throw new ToolArgumentException("unsupported local_shell action type: " + type.asString());
        }
        ObjectNode args = FunctionSpecs.newSpec();
        copy(action, "command", args, "command");
        copy(action, "working_directory", args, "workdir");
        copy(action, "timeout_ms", args, "timeout_ms");
        return args;
    }

    private static void copy(JsonNode from, String fromField, ObjectNode to, String toField) {
        JsonNode value = from.get(fromField);
        if (value != null && !value.isNull()) {
            to.set(toField, value);
        }
    }
}
