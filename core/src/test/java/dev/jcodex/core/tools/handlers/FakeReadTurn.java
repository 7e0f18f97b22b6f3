package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.exec.ExecRuntime;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolPayload;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double of the running turn for read-only tool handlers: records events, refuses approval requests. */
final class FakeReadTurn implements TurnServices {
    final List<EventMsg> events = new CopyOnWriteArrayList<>();
    private final Path cwd;
    private final int outputTokenBudget;

    FakeReadTurn(Path cwd) {
        this(cwd, 10_000);
    }

    FakeReadTurn(Path cwd, int outputTokenBudget) {
        this.cwd = cwd;
        this.outputTokenBudget = outputTokenBudget;
    }

    /** An invocation of {@code tool} with JSON {@code arguments} on this turn. */
    ToolInvocation call(String tool, String arguments) {
        return new ToolInvocation("call-1", tool, new ToolPayload.Function(arguments), this);
    }

    @Override
    public String threadId() {
        return "thread-1";
    }

    @Override
    public String turnId() {
        return "turn-1";
    }

    @Override
    public Path cwd() {
        return cwd;
    }

    @Override
    public SandboxPolicy sandboxPolicy() {
        return new SandboxPolicy.ReadOnly();
    }

    @Override
    public AskForApproval approvalPolicy() {
        return AskForApproval.NEVER;
    }

    @Override
    public List<Path> writableRoots() {
        return List.of(cwd);
    }

    @Override
    public void emit(EventMsg event) {
        events.add(event);
    }

    @Override
    public ReviewDecision requestExecApproval(String callId, List<String> command, Path cwd, String reason) {
        throw new AssertionError("read-only tools never ask for exec approval");
    }

    @Override
    public ReviewDecision requestPatchApproval(String callId, Map<String, TurnItem.FileDelta> changes, String reason) {
        throw new AssertionError("read-only tools never ask for patch approval");
    }

    @Override
    public Set<List<String>> approvedForSession() {
        return new HashSet<>();
    }

    @Override
    public Map<String, String> childEnvironment() {
        return Map.of();
    }

    @Override
    public ExecRuntime execRuntime() {
        return null;
    }

    @Override
    public int outputTokenBudget() {
        return outputTokenBudget;
    }

    /** No front end answers questions in this fake. */
    @Override
    public tools.jackson.databind.JsonNode requestUserInput(String callId, tools.jackson.databind.JsonNode questions) {
        return null;
    }
}
