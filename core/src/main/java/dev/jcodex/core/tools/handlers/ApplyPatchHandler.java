package dev.jcodex.core.tools.handlers;

import dev.jcodex.applypatch.ApplyPatch;
import dev.jcodex.applypatch.ApplyPatchException;
import dev.jcodex.applypatch.PatchPlan;
import dev.jcodex.applypatch.PlannedChange;
import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolPayload;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.core.tools.TurnAbortedException;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.sandbox.WritableRoot;
import dev.jcodex.sandbox.WritableRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code apply_patch}: the freeform (grammar) tool or its JSON function variant. Plans the whole patch first
 * (nothing is written if any hunk fails), checks it against the sandbox and approval policy, then commits
 * atomically and reports a {@code FileChange} item and the turn diff.
 */
public final class ApplyPatchHandler implements ToolHandler {

    /** How the tool is advertised. */
    public enum Variant { FREEFORM, FUNCTION }

    private static final String DESCRIPTION = "Edit files with a patch. Use this tool to add, delete, update or "
            + "move files; see the grammar for the exact format.";
    private final Variant variant;
    private final TurnDiffTracker diffs;

    public ApplyPatchHandler(Variant variant, TurnDiffTracker diffs) {
        this.variant = variant;
        this.diffs = diffs;
    }

    @Override
    public String name() {
        return "apply_patch";
    }

    @Override
    public JsonNode spec() {
        ObjectNode spec = ProtocolJson.mapper().createObjectNode();
        if (variant == Variant.FREEFORM) {
            spec.put("type", "custom").put("name", "apply_patch").put("description", DESCRIPTION);
            spec.putObject("format").put("type", "grammar").put("syntax", "lark")
                    .put("definition", ApplyPatch.larkGrammar());
            return spec;
        }
        spec.put("type", "function").put("name", "apply_patch").put("description", DESCRIPTION
                + " The `input` argument holds the whole patch, from `*** Begin Patch` to `*** End Patch`.");
        spec.put("strict", false);
        ObjectNode params = spec.putObject("parameters");
        params.put("type", "object");
        params.putObject("properties").putObject("input").put("type", "string")
                .put("description", "The entire contents of the apply_patch command");
        params.putArray("required").add("input");
        params.put("additionalProperties", false);
        return spec;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        String patch = switch (inv.payload()) {
            case ToolPayload.Custom c -> c.input();
            case ToolPayload.Function f -> Args.requiredString(Args.parse(f.arguments(), name()), "input", name());
            case ToolPayload.LocalShell l -> throw new ToolArgumentException("apply_patch cannot take a shell action");
        };
        return applyPatch(inv.callId(), patch, inv.turn().cwd(), inv.turn());
    }

    /** Shared with the shell handlers, which intercept {@code apply_patch} typed as a command. */
    public ToolResult applyPatch(String callId, String patchText, Path cwd, TurnServices turn)
            throws InterruptedException {
        long start = System.nanoTime();
        PatchPlan plan;
        try {
            plan = ApplyPatch.plan(ApplyPatch.parse(patchText), cwd);
        } catch (ApplyPatchException e) {
            return ToolResult.failure(format(1, start, e.getMessage()));
        }
        Map<String, TurnItem.FileDelta> changes = describe(plan);
        String refusal = checkPermissions(callId, plan, changes, turn);
        if (refusal != null) {
            return ToolResult.failure(refusal);
        }
        TurnItem.FileChange started = new TurnItem.FileChange(callId, changes, TurnItem.Status.IN_PROGRESS, null, null);
        turn.emit(new EventMsg.ItemStarted(turn.turnId(), started));
        diffs.recordBefore(plan);
        try {
            String summary = plan.commit().summary();
            turn.emit(new EventMsg.ItemCompleted(turn.turnId(), new TurnItem.FileChange(callId, changes,
                    TurnItem.Status.COMPLETED, summary, "")));
            diffs.emitDiff(turn);
            return ToolResult.ok(format(0, start, summary));
        } catch (ApplyPatchException e) {
            turn.emit(new EventMsg.ItemCompleted(turn.turnId(), new TurnItem.FileChange(callId, changes,
                    TurnItem.Status.FAILED, "", e.getMessage())));
            return ToolResult.failure(format(1, start, e.getMessage()));
        }
    }

    private String checkPermissions(String callId, PatchPlan plan, Map<String, TurnItem.FileDelta> changes,
            TurnServices turn) throws InterruptedException {
        SandboxPolicy policy = turn.sandboxPolicy();
        List<WritableRoot> roots = WritableRoots.of(policy, turn.cwd(), turn.childEnvironment());
        boolean allWritable = true;
        Set<Path> touched = new HashSet<>();
        for (PlannedChange c : plan.changes()) {
            allWritable &= writable(c.path(), policy, roots);
            touched.add(c.path());
            if (c instanceof PlannedChange.Moved m) {
                allWritable &= writable(m.destination(), policy, roots);
                touched.add(m.destination());
            }
        }
        if (allWritable && turn.approvalPolicy() != AskForApproval.UNTRUSTED) {
            return null;
        }
        if (turn.approvalPolicy() == AskForApproval.NEVER) {
            return "patch rejected: " + (turn.sandboxPolicy() instanceof SandboxPolicy.ReadOnly
                    ? "writing is blocked by read-only sandbox" : "writing outside of the project")
                    + "; rejected by user approval settings";
        }
        Set<Path> approvedForSession = turn.execRuntime().patchPathsApprovedForSession();
        if (approvedForSession.containsAll(touched)) {
            return null;
        }
        ReviewDecision decision = turn.requestPatchApproval(callId, changes,
                allWritable ? null : "The patch writes outside the writable roots.");
        return switch (decision) {
            case APPROVED -> null;
            case APPROVED_FOR_SESSION -> {
                approvedForSession.addAll(touched);
                yield null;
            }
            case DENIED -> "patch rejected by user";
            case ABORT -> throw new TurnAbortedException("patch approval aborted by user");
        };
    }

    /**
     * Whether the sandbox lets a command write {@code path}: the same writable roots (cwd, configured roots,
     * {@code /tmp} and {@code $TMPDIR} unless excluded) and read-only subpaths ({@code .git}, {@code .agents},
     * {@code .codex}) as the sandbox itself (spec §6.2).
     */
    private static boolean writable(Path path, SandboxPolicy policy, List<WritableRoot> roots) {
        return switch (policy) {
            case SandboxPolicy.DangerFullAccess d -> true;
            case SandboxPolicy.ReadOnly r -> false;
            case SandboxPolicy.WorkspaceWrite w -> {
                Path real = realPath(path);
                yield roots.stream().anyMatch(root -> root.canWrite(real));
            }
        };
    }

    /**
     * {@code path} with its deepest existing ancestor resolved to the real path (the roots are real paths): a
     * symlinked cwd still matches its root, and a symlink inside a root that leads out of it does not.
     */
    static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException | SecurityException e) {
            return absolute;
        }
    }

    static Map<String, TurnItem.FileDelta> describe(PatchPlan plan) {
        Map<String, TurnItem.FileDelta> changes = new TreeMap<>();
        for (PlannedChange c : plan.changes()) {
            String kind = switch (c.kind()) {
                case ADD -> "add";
                case DELETE -> "delete";
                case UPDATE, MOVE -> "update";
            };
            String diff = switch (c.kind()) {
                case ADD -> c.newText().orElse("");
                case DELETE -> c.oldText().orElse("");
                case UPDATE, MOVE -> UnifiedDiffs.hunks(c.oldText().orElse(""), c.newText().orElse(""));
            };
            String move = c instanceof PlannedChange.Moved m ? m.destination().toString() : null;
            changes.put(c.path().toString(), new TurnItem.FileDelta(kind, diff, move));
        }
        return changes;
    }

    private static String format(int exitCode, long startNanos, String output) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return "Exit code: " + exitCode + "\nWall time: " + String.format(Locale.ROOT, "%.1f", seconds)
                + " seconds\nOutput:\n" + output;
    }
}
