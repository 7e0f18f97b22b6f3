package dev.jcodex.config;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Approvals, sandbox and child-process settings (spec §6.1, §6.2, §6.6, §8.3 "Approvals / sandbox / env").
 *
 * @param approvalPolicy the effective approval policy
 * @param approvalsReviewer {@code approvals_reviewer} (default {@link ApprovalsReviewer#USER})
 * @param sandboxMode the effective sandbox mode
 * @param sandboxWorkspaceWrite {@code [sandbox_workspace_write]}
 * @param additionalWritableRoots {@code --add-dir} roots, absolute
 * @param sandboxPolicy the resolved policy (mode + settings + extra roots)
 * @param shellEnvironmentPolicy {@code [shell_environment_policy]}
 * @param allowLoginShell {@code allow_login_shell} (default true)
 * @param backgroundTerminalMaxTimeoutMs {@code background_terminal_max_timeout} (default 300000)
 * @param zshPath {@code zsh_path}, or null
 */
public record PermissionSettings(
        AskForApproval approvalPolicy,
        ApprovalsReviewer approvalsReviewer,
        SandboxMode sandboxMode,
        SandboxWorkspaceWrite sandboxWorkspaceWrite,
        List<Path> additionalWritableRoots,
        SandboxPolicy sandboxPolicy,
        ShellEnvironmentPolicy shellEnvironmentPolicy,
        boolean allowLoginShell,
        long backgroundTerminalMaxTimeoutMs,
        Path zshPath) {

    public static final long DEFAULT_BACKGROUND_TERMINAL_MAX_TIMEOUT_MS = 300_000;

    public PermissionSettings {
        additionalWritableRoots = List.copyOf(additionalWritableRoots);
    }

    static PermissionSettings parse(TableReader root, ParseContext ctx) {
        AskForApproval approval = approval(root, ctx);
        SandboxMode mode = sandboxMode(root, ctx);
        ApprovalsReviewer reviewer = reviewer(root, ctx);
        SandboxWorkspaceWrite workspaceWrite = SandboxWorkspaceWrite.parse(root);
        List<Path> addDirs = ctx.overrides().additionalWritableRoots().stream()
                .map(p -> ctx.cwd().resolve(p).toAbsolutePath().normalize())
                .toList();
        if (!addDirs.isEmpty() && mode == SandboxMode.READ_ONLY) {
            ctx.warn("Ignoring --add-dir (" + String.join(", ", addDirs.stream().map(Path::toString).toList())
                    + ") because the effective sandbox mode is read-only. Switch to workspace-write or"
                    + " danger-full-access to allow additional writable roots.");
        }
        if (root.has("permissions") && !root.has("default_permissions")) {
            throw root.error("permissions", "a [permissions] table requires `default_permissions` to be set");
        }
        if (root.has("default_permissions")) {
            root.string("default_permissions");
            root.opaque("permissions");
            ctx.warn("Permission profiles (`default_permissions`, [permissions]) are not supported by jcodex;"
                    + " sandbox_mode and [sandbox_workspace_write] apply instead.");
        }
        Long timeout = root.nonNegative("background_terminal_max_timeout");
        return new PermissionSettings(approval, reviewer, mode, workspaceWrite, addDirs,
                policy(mode, workspaceWrite, addDirs), ShellEnvironmentPolicy.parse(root),
                root.bool("allow_login_shell", true),
                timeout == null ? DEFAULT_BACKGROUND_TERMINAL_MAX_TIMEOUT_MS : timeout,
                root.path("zsh_path"));
    }

    private static AskForApproval approval(TableReader root, ParseContext ctx) {
        ConfigRequirements req = ctx.requirements();
        if (root.isTable("approval_policy")) {
            throw root.error("approval_policy", "granular approval policies are not supported by jcodex; expected"
                    + " one of " + TableReader.wireNames(AskForApproval.class));
        }
        AskForApproval configured = root.enumValue("approval_policy", AskForApproval.class);
        if (ctx.overrides().approvalPolicy() != null) {
            AskForApproval chosen = ctx.overrides().approvalPolicy();
            req.requireAllowed("approval_policy", req.allowedApprovalPolicies(), chosen, ctx.flag("approval_policy"));
            return chosen;
        }
        if (configured != null) {
            req.requireAllowed("approval_policy", req.allowedApprovalPolicies(), configured,
                    root.originOf("approval_policy"));
            return configured;
        }
        AskForApproval fallback = ctx.projectTrust() == TrustLevel.UNTRUSTED
                ? AskForApproval.UNTRUSTED : AskForApproval.ON_REQUEST;
        return ConfigRequirements.clampDefault(req.allowedApprovalPolicies(), fallback);
    }

    private static SandboxMode sandboxMode(TableReader root, ParseContext ctx) {
        ConfigRequirements req = ctx.requirements();
        SandboxMode configured = root.enumValue("sandbox_mode", SandboxMode.class);
        if (ctx.overrides().sandboxMode() != null) {
            SandboxMode chosen = ctx.overrides().sandboxMode();
            req.requireAllowed("sandbox_mode", req.allowedSandboxModes(), chosen, ctx.flag("sandbox_mode"));
            return chosen;
        }
        if (configured != null) {
            req.requireAllowed("sandbox_mode", req.allowedSandboxModes(), configured, root.originOf("sandbox_mode"));
            return configured;
        }
        SandboxMode fallback = ctx.projectTrust() != null ? SandboxMode.WORKSPACE_WRITE : SandboxMode.READ_ONLY;
        return ConfigRequirements.allows(req.allowedSandboxModes(), fallback) ? fallback : SandboxMode.READ_ONLY;
    }

    private static ApprovalsReviewer reviewer(TableReader root, ParseContext ctx) {
        ConfigRequirements req = ctx.requirements();
        String raw = root.string("approvals_reviewer");
        if (raw == null) {
            return ConfigRequirements.clampDefault(req.allowedApprovalsReviewers(), ApprovalsReviewer.USER);
        }
        ApprovalsReviewer reviewer = raw.equals("guardian_subagent")
                ? ApprovalsReviewer.AUTO_REVIEW : root.parseEnum("approvals_reviewer", raw, ApprovalsReviewer.class);
        req.requireAllowed("approvals_reviewer", req.allowedApprovalsReviewers(), reviewer,
                root.originOf("approvals_reviewer"));
        return reviewer;
    }

    static SandboxPolicy policy(SandboxMode mode, SandboxWorkspaceWrite settings, List<Path> addDirs) {
        return switch (mode) {
            case READ_ONLY -> new SandboxPolicy.ReadOnly();
            case DANGER_FULL_ACCESS -> new SandboxPolicy.DangerFullAccess();
            case WORKSPACE_WRITE -> {
                Set<String> roots = new LinkedHashSet<>();
                settings.writableRoots().forEach(p -> roots.add(p.toString()));
                addDirs.forEach(p -> roots.add(p.toString()));
                yield new SandboxPolicy.WorkspaceWrite(new ArrayList<>(roots), settings.networkAccess(),
                        settings.excludeTmpdirEnvVar(), settings.excludeSlashTmp());
            }
        };
    }
}
