package dev.jcodex.exec;

import dev.jcodex.appserver.protocol.SandboxPolicy;
import dev.jcodex.appserver.protocol.ThreadOpenResponse;
import dev.jcodex.protocol.AskForApproval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The resolved session facts: the thread id and the human header's {@code key: value} lines in order. */
record SessionHeader(String threadId, List<Map.Entry<String, String>> entries) {

    static SessionHeader of(ExecOptions options, ThreadOpenResponse response) {
        HeaderInfo h = options.header();
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        entries.add(Map.entry("workdir", or(h.workdir(), options.cwd().toString())));
        entries.add(Map.entry("model", or(h.model(), response.model())));
        entries.add(Map.entry("provider", or(h.provider(), response.modelProvider())));
        AskForApproval approval = response.approvalPolicy() == null ? AskForApproval.NEVER : response.approvalPolicy();
        entries.add(Map.entry("approval", or(h.approval(), approval.wire())));
        entries.add(Map.entry("sandbox", or(h.sandbox(), sandboxSummary(response.sandbox()))));
        if (h.showReasoningSettings()) {
            entries.add(Map.entry("reasoning effort",
                    or(h.reasoningEffort(), options.effort() == null ? "none" : options.effort().wire())));
            entries.add(Map.entry("reasoning summaries", or(h.reasoningSummaries(),
                    options.reasoningSummary() == null ? "none" : options.reasoningSummary().wire())));
        }
        String threadId = response.thread().id();
        entries.add(Map.entry("session id", threadId));
        return new SessionHeader(threadId, List.copyOf(entries));
    }

    /**
     * {@code read-only}, {@code danger-full-access}, {@code external-sandbox} or
     * {@code workspace-write [workdir, /tmp, $TMPDIR, <roots>]}, plus {@code (network access enabled)}.
     */
    static String sandboxSummary(SandboxPolicy policy) {
        if (policy == null) {
            return "unknown";
        }
        return switch (policy) {
            case SandboxPolicy.DangerFullAccess d -> "danger-full-access";
            case SandboxPolicy.ReadOnly r -> Boolean.TRUE.equals(r.networkAccess())
                    ? "read-only (network access enabled)" : "read-only";
            case SandboxPolicy.ExternalSandbox e -> "enabled".equals(e.networkAccess())
                    ? "external-sandbox (network access enabled)" : "external-sandbox";
            case SandboxPolicy.WorkspaceWrite w -> {
                List<String> writable = new ArrayList<>();
                writable.add("workdir");
                if (!w.excludeSlashTmp()) {
                    writable.add("/tmp");
                }
                if (!w.excludeTmpdirEnvVar()) {
                    writable.add("$TMPDIR");
                }
                writable.addAll(w.writableRoots());
                String summary = "workspace-write [" + String.join(", ", writable) + "]";
                yield w.networkAccess() ? summary + " (network access enabled)" : summary;
            }
        };
    }

    private static String or(String given, String derived) {
        return given != null ? given : derived == null ? "" : derived;
    }
}
