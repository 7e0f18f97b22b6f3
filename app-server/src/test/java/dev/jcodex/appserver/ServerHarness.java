package dev.jcodex.appserver;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.ServerEvent;
import dev.jcodex.appserver.protocol.ClientInfo;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.core.CoreEnvironment;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.testkit.MockResponsesServer;
import dev.jcodex.testkit.TempCodexHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A temp CODEX_HOME with a work dir, the mock Responses server, and real in-process app-servers on them, each with
 * an {@link AppServerClient}. Servers can be restarted on the same CODEX_HOME (to resume stored threads).
 */
final class ServerHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final TempCodexHome home;
    final MockResponsesServer mock;
    final Path workdir;
    private final List<String> overrides = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    InProcessAppServer server;
    AppServerClient client;

    /** Provider retries cut down for fast tests: 2 stream retries, no request retries. */
    ServerHarness() throws IOException {
        this(",stream_max_retries=2,request_max_retries=0");
    }

    /** {@code providerExtra} is appended inside the mock provider's inline table. */
    ServerHarness(String providerExtra) throws IOException {
        home = TempCodexHome.create();
        mock = MockResponsesServer.start();
        workdir = Files.createDirectories(home.path().resolve("work")).toRealPath();
        overrides.addAll(List.of("model_provider=mock",
                "model_providers.mock={name=\"mock\",base_url=\"" + mock.baseUrl()
                        + "\",wire_api=\"responses\",env_key=\"MOCK_API_KEY\"" + providerExtra + "}",
                "model=gpt-5.5"));
        env.put("MOCK_API_KEY", "dummy");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.path().toString());
        env.put("SHELL", "/bin/bash");
    }

    /** Adds a {@code -c} override for servers started from now on. */
    ServerHarness override(String keyValue) {
        overrides.add(keyValue);
        return this;
    }

    /** Removes an environment variable for servers started from now on. */
    ServerHarness withoutEnv(String name) {
        env.remove(name);
        return this;
    }

    AppServerOptions options() {
        ConfigLoadRequest request = ConfigLoadRequest.builder(home.path(), workdir).cliOverrides(overrides)
                .env(Map.of()).build();
        return new AppServerOptions(CoreEnvironment.of(home.path(), env, "codex_cli_rs", "0.1.0"), request, "exec");
    }

    /** Starts a server and a client on it (closing the previous pair first); the client is not initialized. */
    AppServerClient connect() {
        closeServer();
        server = InProcessAppServer.start(options());
        client = AppServerClient.start(server.clientTransport());
        return client;
    }

    /** {@link #connect()} plus {@code initialize} as {@code codex_exec}. */
    AppServerClient connectInitialized() {
        connect().initialize(ClientInfo.of("codex_exec", "0.1.0"));
        return client;
    }

    /** A second client on the running server. */
    AppServerClient secondClient() {
        var pair = dev.jcodex.appserver.client.InMemoryTransport.pair();
        server.server().connect(pair.server());
        AppServerClient second = AppServerClient.start(pair.client());
        open.add(second);
        return second;
    }

    ThreadStartResponse startThread() {
        return client.threadStart(ThreadStartParams.builder().cwd(workdir.toString())
                .approvalPolicy(AskForApproval.NEVER).build());
    }

    static TurnStartParams prompt(String threadId, String text) {
        return TurnStartParams.builder(threadId, List.of(UserInput.Text.of(text))).build();
    }

    /** Notifications until (and including) the first one {@code last} accepts; server requests fail the test. */
    static List<ServerNotification> until(AppServerClient client, Predicate<ServerNotification> last)
            throws InterruptedException {
        List<ServerNotification> seen = new ArrayList<>();
        while (true) {
            ServerEvent event = client.next(WAIT).orElseThrow(() -> new AssertionError("no event within " + WAIT
                    + "; seen " + seen));
            switch (event) {
                case ServerEvent.Notification n -> {
                    seen.add(n.notification());
                    if (last.test(n.notification())) {
                        return seen;
                    }
                }
                case ServerEvent.Request r -> throw new AssertionError("unexpected server request " + r + " after "
                        + seen);
            }
        }
    }

    /** Notifications until {@code turn/completed}. */
    static List<ServerNotification> untilTurnCompleted(AppServerClient client) throws InterruptedException {
        return until(client, n -> n instanceof ServerNotification.TurnCompleted);
    }

    static List<String> methods(List<ServerNotification> notifications) {
        return notifications.stream().map(ServerNotification::method).toList();
    }

    private void closeServer() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        closeServer();
        mock.close();
        home.close();
    }
}
