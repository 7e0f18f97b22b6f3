package dev.jcodex.core;

import dev.jcodex.config.Config;
import dev.jcodex.config.Feature;
import dev.jcodex.core.tools.ToolRouter;
import dev.jcodex.core.tools.handlers.ApplyPatchHandler;
import dev.jcodex.modelclient.ModelInfo;

/** The shell tool family of the plan (spec §4.2): one of exec_command+write_stdin, shell, shell_command. */
final class ShellTools {
    private ShellTools() {}

    static void register(ToolRouter router, ModelInfo model, Config config, ApplyPatchHandler applyPatch) {
        if (!config.features().isEnabled(Feature.SHELL_TOOL)) {
            return;
        }
    }
}
