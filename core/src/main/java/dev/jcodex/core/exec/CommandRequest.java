package dev.jcodex.core.exec;

import dev.jcodex.execpolicy.SandboxPermissions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command a shell tool wants to run, as the approval decision sees it.
 *
 * @param callId        the model's call id (also the approval request's id)
 * @param command       the argv as the user sees it, e.g. {@code ["/bin/bash", "-lc", "echo hi"]}
 * @param cwd           absolute working directory of the command
 * @param permissions   {@code sandbox_permissions} of the call
 * @param justification the model's {@code justification}, shown when asking
 * @param prefixRule    the model's suggested {@code prefix_rule}
 */
public record CommandRequest(String callId, List<String> command, Path cwd, SandboxPermissions permissions,
        Optional<String> justification, Optional<List<String>> prefixRule) {

    /** Validates and copies the components. */
    public CommandRequest {
        Objects.requireNonNull(callId, "callId");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        if (!cwd.isAbsolute()) {
            throw new IllegalArgumentException("cwd must be absolute: " + cwd);
        }
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(justification, "justification");
        prefixRule = prefixRule.map(List::copyOf);
    }
}
