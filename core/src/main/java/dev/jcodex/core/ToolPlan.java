package dev.jcodex.core;

import dev.jcodex.config.Config;
import dev.jcodex.config.Feature;
import dev.jcodex.config.WebSearchMode;
import dev.jcodex.core.tools.ToolRouter;
import dev.jcodex.core.tools.handlers.ApplyPatchHandler;
import dev.jcodex.core.tools.handlers.TurnDiffTracker;
import dev.jcodex.core.tools.handlers.UpdatePlanHandler;
import dev.jcodex.modelclient.ModelInfo;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.SandboxPolicy;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which tools a turn offers (spec §4.2): decided by the model family (catalog {@code shell_type},
 * {@code apply_patch_tool_type}) and config (features, {@code [tools]} toggles, {@code web_search}). The order of
 * the {@code tools} array follows the reference, which keeps prompt-cache prefixes stable. Tools that are not
 * offered are not registered, so the model calling them gets {@code unsupported call: NAME}.
 */
final class ToolPlan {
    private ToolPlan() {}

    static ToolRouter build(ModelInfo model, Config config, SandboxPolicy sandbox, TurnDiffTracker diffs) {
        ToolRouter router = new ToolRouter();
        ApplyPatchHandler.Variant patchVariant = switch (model.applyPatchToolType()) {
            case FREEFORM -> ApplyPatchHandler.Variant.FREEFORM;
            case FUNCTION -> ApplyPatchHandler.Variant.FUNCTION;
            case NONE -> config.features().isEnabled(Feature.APPLY_PATCH_FREEFORM)
                    ? ApplyPatchHandler.Variant.FREEFORM : null;
        };
        ApplyPatchHandler applyPatch = new ApplyPatchHandler(
                patchVariant == null ? ApplyPatchHandler.Variant.FREEFORM : patchVariant, diffs);
        ShellTools.register(router, model, config, applyPatch);
        if (enabled(config, "update_plan")) {
            router.register(new UpdatePlanHandler());
        }
        if (enabled(config, "request_user_input")) {
            router.register(new dev.jcodex.core.tools.handlers.RequestUserInputHandler());
        }
        if (patchVariant != null && enabled(config, "apply_patch")) {
            router.register(applyPatch);
        }
        OptionalTools.registerFileTools(router, config);
        WebSearchMode search = config.tools().webSearch();
        if (search != WebSearchMode.DISABLED) {
            boolean live = search == WebSearchMode.LIVE || sandbox instanceof SandboxPolicy.DangerFullAccess;
            ObjectNode spec = ProtocolJson.mapper().createObjectNode();
            spec.put("type", "web_search").put("external_web_access", live);
            router.registerProviderTool(spec);
        }
        if (config.tools().viewImage()) {
            OptionalTools.registerViewImage(router);
        }
        return router;
    }

    /** {@code [tools] NAME = false} / {@code [tools.NAME] enabled = false} turn a tool off. */
    static boolean enabled(Config config, String tool) {
        return config.tools().toolToggles().getOrDefault(tool, true);
    }
}
