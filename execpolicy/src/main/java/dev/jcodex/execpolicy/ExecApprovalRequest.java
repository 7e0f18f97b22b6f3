package dev.jcodex.execpolicy;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one shell tool call that the approval decision depends on.
 *
 * @param approvalPolicy      the turn's approval policy
 * @param sandboxPolicy       the turn's sandbox policy
 * @param command             the argv the tool would run (e.g. {@code ["bash", "-lc", "…"]})
 * @param sandboxPermissions  whether the call asked to run outside the sandbox
 * @param requestedPrefixRule the {@code prefix_rule} the model suggested for an amendment, if any
 */
public record ExecApprovalRequest(AskForApproval approvalPolicy, SandboxPolicy sandboxPolicy, List<String> command,
        SandboxPermissions sandboxPermissions, Optional<List<String>> requestedPrefixRule) {

    public ExecApprovalRequest {
        command = List.copyOf(command);
        requestedPrefixRule = requestedPrefixRule.map(List::copyOf);
    }

    /** A request without escalation and without a suggested prefix rule. */
    public static ExecApprovalRequest of(AskForApproval approvalPolicy, SandboxPolicy sandboxPolicy, List<String> command) {
        return new ExecApprovalRequest(approvalPolicy, sandboxPolicy, command, SandboxPermissions.USE_DEFAULT,
                Optional.empty());
    }
}
