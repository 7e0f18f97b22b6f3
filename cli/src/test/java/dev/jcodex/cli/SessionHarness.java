package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.state.RolloutItem;
import dev.jcodex.state.RolloutLine;
import dev.jcodex.state.RolloutReader;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponsesServer;
import dev.jcodex.testkit.TempCodexHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A temp {@code CODEX_HOME}, a work dir and the mock Responses server, with {@code codex exec …} run in-process
 * against them exactly as a user would type it (provider configured with {@code -c} flags, key from the env).
 */
final class SessionHarness implements AutoCloseable {
    private static final Pattern THREAD_STARTED = Pattern.compile("\"type\":\"thread\\.started\",\"thread_id\":\"([^\"]+)\"");

    final TempCodexHome home;
    final MockResponsesServer mock;
    final Path workdir;

    SessionHarness() throws IOException {
        home = TempCodexHome.create();
        mock = MockResponsesServer.start();
        workdir = Files.createDirectories(home.path().resolve("work")).toRealPath();
    }

    /** The child environment: CODEX_HOME, HOME, PATH, SHELL and the mock provider's key. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CODEX_HOME", home.path().toString());
        env.put("HOME", home.path().toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("SHELL", "/bin/bash");
        env.put("MOCK_API_KEY", "dummy");
        return env;
    }

    /** {@code -c} flags selecting the mock provider (no retries, so a failure shows at once) and the model. */
    List<String> providerFlags() {
        return List.of("-c", "model_provider=mock",
                "-c", "model_providers.mock={name=\"mock\",base_url=\"" + mock.baseUrl()
                        + "\",wire_api=\"responses\",env_key=\"MOCK_API_KEY\",request_max_retries=0,"
                        + "stream_max_retries=0}",
                "-c", "model=gpt-5.5");
    }

    /** Runs {@code codex exec --skip-git-repo-check <provider flags> args…} in-process in the work dir. */
    CliHarness.Result exec(String... args) {
        List<String> argv = new ArrayList<>(List.of("exec", "--skip-git-repo-check"));
        argv.addAll(providerFlags());
        argv.addAll(List.of(args));
        CliHarness cli = new CliHarness(home.path(), workdir);
        env().forEach(cli::env);
        return cli.run(argv.toArray(String[]::new));
    }

    /** Like {@link #exec} but asserts exit code 0 (showing stderr otherwise). */
    CliHarness.Result execOk(String... args) {
        CliHarness.Result r = exec(args);
        assertThat(r.code()).as("exit code; stderr:\n%s", r.err()).isZero();
        return r;
    }

    /** The thread id of {@code exec --json} output ({@code thread.started}). */
    static String threadIdOfJsonl(String jsonl) {
        Matcher m = THREAD_STARTED.matcher(jsonl);
        assertThat(m.find()).as("thread.started in %s", jsonl).isTrue();
        return m.group(1);
    }

    /** Every rollout file under {@code sessions/}. */
    List<Path> rollouts() {
        Path sessions = home.resolve("sessions");
        if (!Files.isDirectory(sessions)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sessions)) {
            return files.filter(p -> p.getFileName().toString().startsWith("rollout-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one rollout file of {@code threadId}. */
    Path rolloutOf(String threadId) {
        List<Path> matches = rollouts().stream().filter(p -> p.getFileName().toString().endsWith(threadId + ".jsonl"))
                .toList();
        assertThat(matches).as("rollouts of %s", threadId).hasSize(1);
        return matches.getFirst();
    }

    /** All lines of a rollout through state's reader, asserting that none had to be skipped. */
    static List<RolloutLine> readRollout(Path rollout) throws IOException {
        try (RolloutReader reader = RolloutReader.open(rollout)) {
            List<RolloutLine> lines = new ArrayList<>();
            for (var l = reader.next(); l.isPresent(); l = reader.next()) {
                lines.add(l.get());
            }
            assertThat(reader.skippedLines()).as("unparseable lines in %s", rollout).isZero();
            return lines;
        }
    }

    /** The response items of a rollout, in the transcript form of {@link #transcript(JsonNode)}. */
    static List<String> rolloutTranscript(Path rollout) throws IOException {
        List<String> out = new ArrayList<>();
        for (RolloutLine line : readRollout(rollout)) {
            if (line.item() instanceof RolloutItem.Response r) {
                out.add(describe(dev.jcodex.protocol.ProtocolJson.mapper().valueToTree(r.item())));
            }
        }
        return out;
    }

    /** The {@code input} of a model request, one line per item (see {@link #describe}). */
    static List<String> transcript(CapturedRequest request) {
        JsonNode body = request.bodyJson();
        assertThat(body).as("JSON body of %s", request).isNotNull();
        return transcript(body.path("input"));
    }

    static List<String> transcript(JsonNode input) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : input) {
            out.add(describe(item));
        }
        return out;
    }

    /**
     * One input item as a comparable line: {@code "<role>: <text>"} for messages, {@code "call <call_id> <name>
     * <arguments>"}, {@code "output <call_id>: <output>"}, {@code "reasoning: <summary>"}, else the type.
     */
    static String describe(JsonNode item) {
        String type = item.path("type").asString("");
        return switch (type) {
            case "message" -> item.path("role").asString("") + ": " + texts(item.path("content"));
            case "function_call" -> "call " + item.path("call_id").asString("") + " " + item.path("name").asString("")
                    + " " + item.path("arguments").asString("");
            case "custom_tool_call" -> "call " + item.path("call_id").asString("") + " "
                    + item.path("name").asString("") + " " + item.path("input").asString("");
            case "function_call_output", "custom_tool_call_output" -> "output " + item.path("call_id").asString("")
                    + ": " + (item.path("output").isString() ? item.path("output").asString()
                            : texts(item.path("output")));
            case "reasoning" -> "reasoning: " + texts(item.path("summary"));
            default -> type;
        };
    }

    private static String texts(JsonNode parts) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : parts) {
            sb.append(p.path("text").asString(""));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        mock.close();
        home.close();
    }
}
