package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.exec.UnifiedExecCalls;
import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.process.UnifiedExecSessions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code write_stdin} (spec §4.3): sends characters to a running {@code exec_command} session (a PTY session; empty
 * {@code chars} just polls) and returns the output that arrived within the yield time, in the same block as
 * {@code exec_command}. When the process has exited, the block says so and the session is gone.
 */
public final class WriteStdinHandler implements ToolHandler {

    static final String NAME = "write_stdin";

    /** A handler for the session's unified exec processes (reached through the turn's exec runtime). */
    public WriteStdinHandler() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode spec() {
        ObjectNode spec = FunctionSpecs.newSpec();
        ObjectNode props = FunctionSpecs.functionSpec(spec, NAME, "Send characters to a command started with"
                + " exec_command that is still running, and return the output that followed. Send empty chars to"
                + " wait for more output.");
        FunctionSpecs.property(props, "session_id", "number", "The session ID exec_command returned for the"
                + " running process.");
        FunctionSpecs.property(props, "chars", "string", "Characters to write to the process's terminal (for"
                + " example a line ending in \\n, or \\u0003 for Ctrl-C); empty to only read output.");
        FunctionSpecs.property(props, "yield_time_ms", "number", "How long to wait for output, in milliseconds"
                + " (default 250, at most 30000 when writing; an empty poll waits at least 5000).");
        FunctionSpecs.property(props, "max_output_tokens", "number", "Most tokens of output to return;"
                + " longer output is cut in the middle.");
        FunctionSpecs.finishSpec(spec, "session_id");
        return spec;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        JsonNode args = Args.parse(inv.functionArguments(), NAME);
        Long sessionId = Args.optionalNonNegativeLong(args, "session_id", NAME);
        if (sessionId == null) {
            throw new ToolArgumentException("failed to parse function arguments for " + NAME
                    + ": missing field `session_id`");
        }
        if (sessionId > Integer.MAX_VALUE) {
            return ToolResult.failure("Unknown process id " + sessionId);
        }
        String chars = Args.optionalStrictString(args, "chars", NAME);
        Long yield = Args.optionalNonNegativeLong(args, "yield_time_ms", NAME);
        int maxTokens = ExecCommandHandler.maxOutputTokens(
                Args.optionalNonNegativeLong(args, "max_output_tokens", NAME), inv.turn());
        UnifiedExecCalls.Result result = UnifiedExecCalls.write(inv.turn(), sessionId.intValue(),
                chars == null ? "" : chars, yield == null ? UnifiedExecSessions.DEFAULT_WRITE_YIELD_MS : yield,
                maxTokens);
        return ExecCommandHandler.toolResult(result);
    }
}
