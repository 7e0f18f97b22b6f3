package dev.jcodex.execpolicy;

import java.util.List;
import java.util.Optional;

/** What must happen before a shell command runs. */
public sealed interface ExecApprovalRequirement {

    /**
     * Run without asking.
     *
     * @param sandbox           how the first attempt runs
     * @param proposedAmendment a rule to offer if a sandbox denial later leads to a retry prompt
     */
    record Skip(SandboxUse sandbox, Optional<ExecPolicyAmendment> proposedAmendment) implements ExecApprovalRequirement {}

    /**
     * Ask the user.
     *
     * @param reason               why, when a rule drove the prompt ({@code `cmd` requires approval: …})
     * @param proposedAmendment    a prefix rule the user may accept to stop being asked
     * @param sandboxAfterApproval how the command runs once approved
     * @param approvalKey          the key to remember an {@code approved_for_session} answer under
     */
    record NeedsApproval(Optional<String> reason, Optional<ExecPolicyAmendment> proposedAmendment,
            SandboxUse sandboxAfterApproval, List<String> approvalKey) implements ExecApprovalRequirement {
        public NeedsApproval {
            approvalKey = List.copyOf(approvalKey);
        }
    }

    /**
     * Do not run; the reason goes back to the model as the tool output.
     *
     * @param reason e.g. {@code `rm -rf /` rejected: blocked by policy}
     */
    record Forbidden(String reason) implements ExecApprovalRequirement {}
}
