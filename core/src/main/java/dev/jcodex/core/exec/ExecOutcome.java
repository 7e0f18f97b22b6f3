package dev.jcodex.core.exec;

import dev.jcodex.protocol.TurnItem;
import dev.jcodex.sandbox.SandboxMechanism;
import java.util.Objects;

/**
 * What {@link ToolOrchestrator#run} did with a command.
 *
 * @param <T> the attempt's result type
 */
public sealed interface ExecOutcome<T> {

    /**
     * The command ran (possibly twice: sandboxed, then without the sandbox after an approved escalation).
     *
     * @param result  the last attempt's result
     * @param sandbox the mechanism that confined the last attempt ({@link SandboxMechanism#NONE} when unsandboxed)
     */
    record Ran<T>(T result, SandboxMechanism sandbox) implements ExecOutcome<T> {
        public Ran {
            Objects.requireNonNull(sandbox, "sandbox");
        }
    }

    /**
     * The command did not run; {@code message} is what the model reads.
     *
     * @param message model-visible explanation
     * @param refusal why
     */
    record Refused<T>(String message, Refusal refusal) implements ExecOutcome<T> {
        public Refused {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** Why a command did not run. */
    enum Refusal {
        /** Exec policy (rules or heuristics) forbids it. */
        FORBIDDEN,
        /** The user declined the approval request. */
        REJECTED_BY_USER,
        /** The sandbox the policy requires cannot be enforced here and running unsandboxed was not approved. */
        SANDBOX_UNAVAILABLE;

        /** The status of the command item: DECLINED for decisions, FAILED when the machine cannot sandbox. */
        public TurnItem.Status itemStatus() {
            return switch (this) {
                case FORBIDDEN, REJECTED_BY_USER -> TurnItem.Status.DECLINED;
                case SANDBOX_UNAVAILABLE -> TurnItem.Status.FAILED;
            };
        }
    }
}
