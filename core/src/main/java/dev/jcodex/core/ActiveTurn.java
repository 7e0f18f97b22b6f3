package dev.jcodex.core;

import dev.jcodex.core.exec.ExecRuntime;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.modelclient.TruncationPolicy;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** {@link TurnServices} of a running turn: its settings, event emission and approval round-trips. */
final class ActiveTurn implements TurnServices {
    private final Session session;
    private final TurnContext ctx;
    private final Set<List<String>> approvedForSession;
    private volatile Map<String, String> childEnvironment;

    ActiveTurn(Session session, TurnContext ctx, Set<List<String>> approvedForSession) {
        this.session = session;
        this.ctx = ctx;
        this.approvedForSession = approvedForSession;
    }

    @Override
    public String threadId() {
        return session.threadId();
    }

    @Override
    public String turnId() {
        return ctx.turnId();
    }

    @Override
    public Path cwd() {
        return ctx.cwd();
    }

    @Override
    public SandboxPolicy sandboxPolicy() {
        return ctx.sandboxPolicy();
    }

    @Override
    public AskForApproval approvalPolicy() {
        return ctx.approvalPolicy();
    }

    @Override
    public List<Path> writableRoots() {
        return ctx.writableRoots();
    }

    @Override
    public void emit(EventMsg event) {
        session.emit(event);
    }

    @Override
    public ReviewDecision requestExecApproval(String callId, List<String> command, Path cwd, String reason)
            throws InterruptedException {
        CompletableFuture<ReviewDecision> answer = session.awaitApproval(callId);
        emit(new EventMsg.ExecApprovalRequest(ctx.turnId(), callId, command, cwd.toString(), reason));
        return await(callId, answer);
    }

    @Override
    public ReviewDecision requestPatchApproval(String callId, Map<String, TurnItem.FileDelta> changes, String reason)
            throws InterruptedException {
        CompletableFuture<ReviewDecision> answer = session.awaitApproval(callId);
        emit(new EventMsg.PatchApprovalRequest(ctx.turnId(), callId, changes, reason, null));
        return await(callId, answer);
    }

    @Override
    public tools.jackson.databind.JsonNode requestUserInput(String callId, tools.jackson.databind.JsonNode questions)
            throws InterruptedException {
        CompletableFuture<tools.jackson.databind.JsonNode> answer = session.awaitUserInput(callId);
        emit(new EventMsg.RequestUserInput(ctx.turnId(), callId, questions));
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return null;
        } finally {
            session.forgetUserInput(callId);
        }
    }

    private ReviewDecision await(String callId, CompletableFuture<ReviewDecision> answer) throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return ReviewDecision.ABORT;
        } finally {
            session.forgetApproval(callId);
        }
    }

    @Override
    public Set<List<String>> approvedForSession() {
        return approvedForSession;
    }

    @Override
    public Map<String, String> childEnvironment() {
        Map<String, String> env = childEnvironment;
        if (env == null) {
            env = session.config.permissions().shellEnvironmentPolicy().apply(session.env.env(), session.threadId());
            childEnvironment = env;
        }
        return env;
    }

    @Override
    public ExecRuntime execRuntime() {
        return session.execRuntime;
    }

    @Override
    public int outputTokenBudget() {
        TruncationPolicy policy = ctx.model().truncationPolicy();
        long tokens = policy.mode() == TruncationPolicy.Mode.BYTES
                ? policy.limit() / TruncationPolicy.BYTES_PER_TOKEN : policy.limit();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, tokens));
    }
}
