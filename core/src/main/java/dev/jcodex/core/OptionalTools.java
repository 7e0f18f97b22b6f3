package dev.jcodex.core;

import dev.jcodex.config.Config;
import dev.jcodex.core.tools.ToolRouter;

/** Tools whose handlers are optional parts of the plan: request_user_input, list_dir, view_image. */
final class OptionalTools {
    private OptionalTools() {}

    static void registerRequestUserInput(ToolRouter router, Config config) {
    }

    static void registerListDir(ToolRouter router, Config config) {
    }

    static void registerViewImage(ToolRouter router) {
    }
}
