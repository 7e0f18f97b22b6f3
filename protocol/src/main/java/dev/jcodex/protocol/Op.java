package dev.jcodex.protocol;

import java.util.List;

/** What a client submits to a thread (the submission queue). */
public sealed interface Op {

    /** Start a turn with this input and optional per-turn overrides (persisting for later turns). */
    record UserTurn(List<UserInput> items, TurnOverrides overrides) implements Op {}

    /** Input typed while a turn runs: injected at the next sampling step, or starts a turn if idle. */
    record UserInputOp(List<UserInput> items) implements Op {}

    /** Abort the running turn and kill its processes. */
    record Interrupt() implements Op {}

    /** Answer to an {@link EventMsg.ExecApprovalRequest}. */
    record ExecApproval(String callId, ReviewDecision decision) implements Op {}

    /** Answer to an {@link EventMsg.PatchApprovalRequest}. */
    record PatchApproval(String callId, ReviewDecision decision) implements Op {}

    /**
     * The user's answers to a {@code request_user_input} call: the client's {@code answers} object (question id →
     * {@code {"answers":[…]}}), or null when nobody could or would answer.
     */
    record UserInputAnswer(String callId, tools.jackson.databind.JsonNode answers) implements Op {}

    /** Stop the thread: abort any turn, close processes, flush the rollout, report {@code shutdown_complete}. */
    record Shutdown() implements Op {}

    /**
     * Per-turn settings; {@code null} members keep the current value.
     *
     * @param outputSchema JSON schema (as JSON text) for this turn's final answer only
     */
    record TurnOverrides(String cwd, AskForApproval approvalPolicy, SandboxPolicy sandboxPolicy, String model,
            ReasoningEffort effort, ReasoningSummary summary, String outputSchema) {
        /** No overrides. */
        public static final TurnOverrides NONE = new TurnOverrides(null, null, null, null, null, null, null);
    }
}
