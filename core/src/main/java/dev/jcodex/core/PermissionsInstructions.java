package dev.jcodex.core;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;
import java.util.List;

/** The {@code <permissions instructions>} developer text: what the sandbox allows and when approval is asked. */
final class PermissionsInstructions {

    private PermissionsInstructions() {}

    static String render(SandboxPolicy sandbox, AskForApproval approval, List<Path> writableRoots) {
        StringBuilder sb = new StringBuilder("<permissions instructions>\n");
        sb.append("Filesystem sandboxing decides which files commands may read or write. ");
        switch (sandbox) {
            case SandboxPolicy.ReadOnly r -> sb.append("`sandbox_mode` is `read-only`: commands may read any file "
                    + "but cannot write anywhere.");
            case SandboxPolicy.WorkspaceWrite w -> {
                sb.append("`sandbox_mode` is `workspace-write`: commands may read any file and write inside the "
                        + "writable roots");
                if (!writableRoots.isEmpty()) {
                    sb.append(" (");
                    for (int i = 0; i < writableRoots.size(); i++) {
                        sb.append(i == 0 ? "" : ", ").append('`').append(writableRoots.get(i)).append('`');
                    }
                    sb.append(')');
                }
                sb.append("; `.git`, `.codex` and `.agents` inside them stay read-only.");
            }
            case SandboxPolicy.DangerFullAccess d -> sb.append("`sandbox_mode` is `danger-full-access`: there is no "
                    + "filesystem sandbox; every command runs with the user's full permissions.");
        }
        sb.append(sandbox.hasNetworkAccess() ? " Network access is enabled." : " Network access is restricted.");
        sb.append('\n');
        sb.append(switch (approval) {
            case NEVER -> "Approval policy is `never`: you can never ask the user for approval. Do not set "
                    + "`sandbox_permissions`; if a command fails because of the sandbox, find another way or "
                    + "explain what the user must do.";
            case ON_REQUEST -> "Approval policy is `on-request`: commands run in the sandbox. When a command truly "
                    + "needs more (network, writes outside the roots), re-run it with `sandbox_permissions` set to "
                    + "`require_escalated` and a one-sentence `justification`; the user will be asked.";
            case ON_FAILURE -> "Approval policy is `on-failure`: commands run in the sandbox; if one fails because "
                    + "of the sandbox the user is asked whether to re-run it without the sandbox.";
            case UNTRUSTED -> "Approval policy is `untrusted`: known read-only commands run directly; every other "
                    + "command needs the user's approval before it runs.";
        });
        return sb.append("\n</permissions instructions>").toString();
    }
}
