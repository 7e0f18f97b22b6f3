package dev.jcodex.core.tools.handlers;

import dev.jcodex.applypatch.ApplyPatchException;
import dev.jcodex.applypatch.ApplyPatchInvocation;
import dev.jcodex.core.exec.CommandRequest;
import dev.jcodex.core.exec.LoginShellPolicy;
import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.execpolicy.SandboxPermissions;
import dev.jcodex.process.ShellCommand;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the shell tools share: approval parameters, workdir, login shells, apply_patch interception (spec §5.6). */
final class ShellToolSupport {

    static final String LOGIN_DISABLED = "login shell is disabled by config; omit `login` or set it to false.";

    private ShellToolSupport() {}

    /** {@code sandbox_permissions}, {@code justification}, {@code prefix_rule}. */
    static void approvalProperties(ObjectNode properties) {
        ObjectNode permissions = properties.putObject("sandbox_permissions");
        permissions.put("type", "string").put("description", "Where the command runs: \"use_default\" (the default)"
                + " inside the sandbox, or \"require_escalated\" to ask the user to run it outside the sandbox;"
                + " then also give a justification.");
        permissions.putArray("enum").add("use_default").add("require_escalated");
        FunctionSpecs.property(properties, "justification", "string", "With require_escalated only: one short question for the"
                + " user saying why the command must run outside the sandbox.");
        ObjectNode prefix = properties.putObject("prefix_rule");
        prefix.put("type", "array").put("description", "With require_escalated only: a command prefix such as"
                + " [\"npm\", \"test\"] that the user may allow for the rest of the work so similar commands need no"
                + " new approval.");
        prefix.putObject("items").put("type", "string");
    }

    static SandboxPermissions sandboxPermissions(JsonNode args, String tool) {
        String value = Args.optionalStrictString(args, "sandbox_permissions", tool);
        if (value == null) {
            return SandboxPermissions.USE_DEFAULT;
        }
        try {
            return SandboxPermissions.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool
                    + ": unknown variant `" + value + "` for `sandbox_permissions`, expected `use_default` or"
                    + " `require_escalated`");
        }
    }

    /** The call's approval parameters as a request for the orchestrator. */
    static CommandRequest request(String callId, List<String> argv, Path cwd, JsonNode args, String tool) {
        return new CommandRequest(callId, argv, cwd, sandboxPermissions(args, tool),
                Optional.ofNullable(Args.optionalStrictString(args, "justification", tool)),
                Optional.ofNullable(Args.optionalStringList(args, "prefix_rule", tool)));
    }

    /** {@code workdir} resolved against the turn's cwd (the default). */
    static Path workdir(String workdir, Path turnCwd, String tool) {
        if (workdir == null || workdir.isBlank()) {
            return turnCwd;
        }
        try {
            return turnCwd.resolve(workdir).normalize();
        } catch (InvalidPathException e) {
            throw new ToolArgumentException("failed to parse function arguments for " + tool + ": invalid `workdir` "
                    + workdir + ": " + e.getReason());
        }
    }

    /** {@code login}: default true where allowed; asking for it where disabled is an error. */
    static ShellCommand.Login login(Boolean requested, LoginShellPolicy policy) {
        return switch (policy) {
            case ALLOWED -> Boolean.FALSE.equals(requested) ? ShellCommand.Login.NON_LOGIN : ShellCommand.Login.LOGIN;
            case DISABLED -> {
                if (Boolean.TRUE.equals(requested)) {
                    throw new ToolArgumentException(LOGIN_DISABLED);
                }
                yield ShellCommand.Login.NON_LOGIN;
            }
        };
    }

    /**
     * {@code apply_patch} typed as a command (argv or a heredoc script) is applied like the apply_patch tool, with the
     * script's {@code cd} directory as the base; a bare patch without the call is answered with a hint.
     */
    static Optional<ToolResult> interceptApplyPatch(List<String> argv, Path cwd, String callId, TurnServices turn,
            ApplyPatchHandler applyPatch) throws InterruptedException {
        Optional<ApplyPatchInvocation> invocation = ApplyPatchInvocation.fromArgv(argv);
        if (invocation.isPresent()) {
            Path base;
            try {
                base = invocation.get().effectiveWorkdir(cwd);
            } catch (ApplyPatchException e) {
                return Optional.of(ToolResult.failure("apply_patch verification failed: " + e.getMessage()));
            }
            return Optional.of(applyPatch.applyPatch(callId, invocation.get().patchText(), base, turn));
        }
        if (ApplyPatchInvocation.isImplicitPatch(argv)) {
            return Optional.of(ToolResult.failure(ApplyPatchInvocation.IMPLICIT_INVOCATION_MESSAGE));
        }
        return Optional.empty();
    }
}
