package dev.jcodex.core;

import dev.jcodex.config.Config;
import dev.jcodex.config.ConfigLoadRequest;
import dev.jcodex.config.ConfigLoader;
import dev.jcodex.config.ConfigOverrides;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.Op;
import dev.jcodex.protocol.UserInput;
import dev.jcodex.testkit.MockResponsesServer;
import dev.jcodex.testkit.TempCodexHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A temp CODEX_HOME, a git work dir, the mock Responses server and a ThreadManager pointed at it. */
final class CoreHarness implements AutoCloseable {
    final TempCodexHome home;
    final MockResponsesServer mock;
    final Path workdir;
    final ThreadManager manager;
    private final List<String> extraOverrides = new ArrayList<>();

    CoreHarness() throws IOException {
        home = TempCodexHome.create();
        mock = MockResponsesServer.start();
        workdir = Files.createDirectories(home.path().resolve("work")).toRealPath();
        manager = new ThreadManager(CoreEnvironment.of(home.path(), Map.of("MOCK_API_KEY", "dummy",
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "HOME", home.path().toString()),
                "codex_exec", "0.0.0-test"));
    }

    CoreHarness override(String keyValue) {
        extraOverrides.add(keyValue);
        return this;
    }

    Config config(Consumer<ConfigOverrides.Builder> overrides) {
        List<String> cli = new ArrayList<>(List.of("model_provider=mock",
                "model_providers.mock={name=\"mock\",base_url=\"" + mock.baseUrl()
                        + "\",wire_api=\"responses\",env_key=\"MOCK_API_KEY\",stream_max_retries=2}",
                "model=gpt-5.5"));
        cli.addAll(extraOverrides);
        ConfigOverrides.Builder b = ConfigOverrides.builder().cwd(workdir);
        overrides.accept(b);
        return ConfigLoader.load(ConfigLoadRequest.builder(home.path(), workdir).cliOverrides(cli)
                .overrides(b.build()).env(Map.of()).build());
    }

    Config config() {
        return config(b -> { });
    }

    CodexThread start() {
        return manager.start(config(), new ThreadOptions(false, "exec"));
    }

    static Op.UserTurn prompt(String text) {
        return new Op.UserTurn(List.of(new UserInput.Text(text)), Op.TurnOverrides.NONE);
    }

    /** Collects events until the turn ends (task_complete or turn_aborted). */
    static List<EventMsg> untilTurnEnd(CodexThread thread) throws InterruptedException {
        List<EventMsg> events = new ArrayList<>();
        while (true) {
            CoreEvent e = thread.pollEvent(Duration.ofSeconds(30));
            if (e == null) {
                throw new AssertionError("turn did not end; events so far: " + events);
            }
            events.add(e.msg());
            if (e.msg() instanceof EventMsg.TaskComplete || e.msg() instanceof EventMsg.TurnAborted) {
                return events;
            }
        }
    }

    @Override
    public void close() {
        manager.close();
        mock.close();
        home.close();
    }
}
