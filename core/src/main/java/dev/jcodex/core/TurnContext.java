package dev.jcodex.core;

import dev.jcodex.core.tools.ToolRouter;
import dev.jcodex.modelclient.ModelClient;
import dev.jcodex.modelclient.ModelInfo;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.Verbosity;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The settings of one turn, fixed when the turn starts (overrides submitted with the turn already applied).
 *
 * @param turnId turn id (UUIDv7)
 * @param cwd working directory
 * @param approvalPolicy approval policy
 * @param sandboxPolicy sandbox policy
 * @param writableRoots absolute writable roots (cwd first) under workspace-write, else empty
 * @param model model metadata
 * @param client the model client for this turn's provider and model
 * @param effort reasoning effort to send (null: model default)
 * @param summary reasoning summary to send (null: model default)
 * @param verbosity verbosity to send (null: model default)
 * @param outputSchema JSON schema for the final answer, or null
 * @param router the tools offered this turn
 */
record TurnContext(String turnId, Path cwd, AskForApproval approvalPolicy, SandboxPolicy sandboxPolicy,
        List<Path> writableRoots, ModelInfo model, ModelClient client, ReasoningEffort effort,
        ReasoningSummary summary, Verbosity verbosity, JsonNode outputSchema, ToolRouter router) {

    TurnContext {
        writableRoots = List.copyOf(writableRoots);
    }

    /** Absolute writable roots for {@code policy}: {@code cwd} first, then the configured roots. */
    static List<Path> writableRoots(SandboxPolicy policy, Path cwd) {
        return switch (policy) {
            case SandboxPolicy.WorkspaceWrite w -> {
                java.util.LinkedHashSet<Path> roots = new java.util.LinkedHashSet<>();
                roots.add(cwd);
                for (String root : w.writableRoots()) {
                    roots.add(cwd.resolve(root).normalize());
                }
                yield List.copyOf(roots);
            }
            case SandboxPolicy.ReadOnly r -> List.of();
            case SandboxPolicy.DangerFullAccess d -> List.of();
        };
    }
}
