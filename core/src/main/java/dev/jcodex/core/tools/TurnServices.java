package dev.jcodex.core.tools;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a tool handler may use of the running turn: settings, event emission and approval requests. */
public interface TurnServices {

    String threadId();

    String turnId();

    Path cwd();

    SandboxPolicy sandboxPolicy();

    AskForApproval approvalPolicy();

    /** Writable roots of the sandbox (cwd first), resolved to absolute paths. */
    List<Path> writableRoots();

    /** Emits an event on the thread's event queue. */
    void emit(EventMsg event);

    /** Asks the user to approve a command; blocks until answered or the turn is interrupted. */
    ReviewDecision requestExecApproval(String callId, List<String> command, Path cwd, String reason)
            throws InterruptedException;

    /** Asks the user to approve a patch; blocks until answered or the turn is interrupted. */
    ReviewDecision requestPatchApproval(String callId, Map<String, TurnItem.FileDelta> changes, String reason)
            throws InterruptedException;

    /**
     * Asks the user the {@code request_user_input} questions; blocks until answered or the turn is interrupted.
     *
     * @return the answers object (question id → {@code {"answers":[…]}}), or null when no front end can answer
     */
    tools.jackson.databind.JsonNode requestUserInput(String callId, tools.jackson.databind.JsonNode questions)
            throws InterruptedException;

    /** Commands the user approved for the rest of the session (parsed argv). */
    java.util.Set<List<String>> approvedForSession();

    /** Environment variables for child processes, after {@code shell_environment_policy}. */
    Map<String, String> childEnvironment();

    /** Session-scoped process services: launcher, sandbox, exec policy, unified exec sessions. */
    dev.jcodex.core.exec.ExecRuntime execRuntime();

    /** Model-visible output budget in tokens for one tool output. */
    int outputTokenBudget();
}
