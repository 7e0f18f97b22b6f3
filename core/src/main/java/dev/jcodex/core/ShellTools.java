package dev.jcodex.core;

import dev.jcodex.config.Config;
import dev.jcodex.config.Feature;
import dev.jcodex.core.exec.LoginShellPolicy;
import dev.jcodex.core.tools.ToolRouter;
import dev.jcodex.core.tools.handlers.ApplyPatchHandler;
import dev.jcodex.core.tools.handlers.ExecCommandHandler;
import dev.jcodex.core.tools.handlers.ShellCommandHandler;
import dev.jcodex.core.tools.handlers.ShellHandler;
import dev.jcodex.core.tools.handlers.WriteStdinHandler;
import dev.jcodex.modelclient.ModelInfo;

/**
 * The shell tool family of the plan (spec §4.2): feature {@code unified_exec} (default on) → {@code exec_command}
 * + {@code write_stdin}; otherwise the catalog's {@code shell_type}. Only the advertised family is registered: the
 * reference answers calls to the others with {@code unsupported call: NAME} (capture
 * {@code g_unadvertised_shell_tool}).
 */
final class ShellTools {
    private ShellTools() {}

    static void register(ToolRouter router, ModelInfo model, Config config, ApplyPatchHandler applyPatch) {
        if (!config.features().isEnabled(Feature.SHELL_TOOL)) {
            return;
        }
        LoginShellPolicy login = LoginShellPolicy.of(config);
        if (config.features().isEnabled(Feature.UNIFIED_EXEC)) {
            registerUnifiedExec(router, applyPatch, login);
            return;
        }
        switch (model.shellType()) {
            case UNIFIED_EXEC -> registerUnifiedExec(router, applyPatch, login);
            case DEFAULT -> router.register(new ShellHandler(applyPatch));
            case LOCAL -> router.register(new ShellHandler(applyPatch, ShellHandler.Alias.LOCAL_SHELL));
            case SHELL_COMMAND -> router.register(new ShellCommandHandler(applyPatch, login));
        }
    }

    private static void registerUnifiedExec(ToolRouter router, ApplyPatchHandler applyPatch, LoginShellPolicy login) {
        router.register(new ExecCommandHandler(applyPatch, login));
        router.register(new WriteStdinHandler());
    }
}
