package dev.jcodex.core;

import dev.jcodex.config.Config;
import dev.jcodex.core.tools.ToolRouter;
import dev.jcodex.core.tools.handlers.GrepFilesHandler;
import dev.jcodex.core.tools.handlers.ListDirHandler;
import dev.jcodex.core.tools.handlers.ReadFileHandler;
import dev.jcodex.core.tools.handlers.ViewImageHandler;

/**
 * Tools outside the default set. {@code read_file}, {@code list_dir} and {@code grep_files} (Appendix B) are offered
 * when {@code [tools]} turns them on explicitly ({@code [tools] read_file = true}); {@code view_image} unless
 * {@code tools.view_image = false}.
 */
final class OptionalTools {
    private OptionalTools() {}

    static void registerFileTools(ToolRouter router, Config config) {
        var toggles = config.tools().toolToggles();
        if (Boolean.TRUE.equals(toggles.get("list_dir"))) {
            router.register(new ListDirHandler());
        }
        if (Boolean.TRUE.equals(toggles.get("read_file"))) {
            router.register(new ReadFileHandler());
        }
        if (Boolean.TRUE.equals(toggles.get("grep_files"))) {
            router.register(new GrepFilesHandler());
        }
    }

    static void registerViewImage(ToolRouter router) {
        router.register(new ViewImageHandler());
    }
}
