package dev.jcodex.cli;

import dev.jcodex.common.StartupTrace;
import dev.jcodex.appserver.AppServerOptions;
import dev.jcodex.appserver.InProcessAppServer;
import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.config.Config;
import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.modelclient.ModelClient;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.state.LogFiles;
import dev.jcodex.state.LogLevel;

/**
 * Everything {@code exec} needs before its first request: the config (approval forced to {@code never}, as the
 * reference does), the file log, and an in-process app-server with a connected client. Nothing here touches the
 * network; the model is first contacted by the turn.
 */
final class ExecLaunch {
    static final String ORIGINATOR = "codex_exec";
    private final CliIo io;
    private final ConfigLoadRequest request;
    private final Config config;

    private ExecLaunch(CliIo io, ConfigLoadRequest request, Config config) {
        this.io = io;
        this.request = request;
        this.config = config;
    }

    static ExecLaunch prepare(CliIo io, SharedOptions shared, boolean ignoreUserConfig, boolean ignoreRules) {
        ConfigLoadRequest request = ConfigSupport.request(io, shared,
                overrides -> overrides.approvalPolicy(AskForApproval.NEVER), ignoreUserConfig);
        Config config = ConfigSupport.load(request);
        StartupTrace.mark("exec: config loaded");
        String baseUrl = config.modelProvider().baseUrl();
        if (baseUrl == null || !baseUrl.regionMatches(true, 0, "http://", 0, "http://".length())) {
            // The first request will need TLS: read the CA trust store while the app-server starts.
            ModelClient.prewarmTls();
        }
        try {
            LogFiles.install(config.codexHome(), LogLevel.fromEnv(io.env()));
        } catch (java.io.IOException | RuntimeException e) {
            io.err().println("warning: file logging disabled: " + e.getMessage());
        }
        StartupTrace.mark("exec: file log installed");
        return new ExecLaunch(io, request, config);
    }

    Config config() {
        return config;
    }

    /** Starts the in-process app-server and a client connected to it. */
    Running start() {
        InProcessAppServer server = InProcessAppServer.start(AppServerOptions.of(config.codexHome(), io.env(),
                ORIGINATOR, Version.current(), request, "exec"));
        AppServerClient client = AppServerClient.start(server.clientTransport());
        return new Running(server, client);
    }

    /** A running server and its client; closing shuts both down (threads closed, rollouts synced). */
    record Running(InProcessAppServer server, AppServerClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
