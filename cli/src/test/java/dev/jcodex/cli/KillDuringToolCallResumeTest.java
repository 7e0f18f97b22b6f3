package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.testkit.MockResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code codex exec} is killed with SIGKILL while a tool call runs; {@code codex exec resume} then continues the
 * thread: everything completed before the kill (the prompt, the function call) reaches the model again, the
 * interrupted call is answered so the request is valid for the Responses API, and the rollout file still parses.
 * The killed run is a real separate JVM ({@code dev.jcodex.cli.Main} on the test classpath, with the same java).
 */
class KillDuringToolCallResumeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SLEEP_ARGS = "{\"cmd\":\"sleep 30\",\"yield_time_ms\":30000}";

    private SessionHarness h;
    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        h = new SessionHarness();
    }

    @AfterEach
    void tearDown() {
        for (ProcessHandle p : started) {
            p.destroyForcibly(); // the orphaned `sleep 30` of the killed run, by its pid
        }
        h.close();
    }

    @Test
    void everythingCompletedBeforeKillDashNineIsSentAgainOnResume() throws Exception {
        h.mock.enqueue(MockResponse.sse().functionCall("call_sleep", "exec_command", SLEEP_ARGS).build());
        Process child = startExec("Sleep for a while.");
        started.add(child.toHandle());
        BlockingQueue<String> stdout = linesOf(child);

        String threadId = null;
        String line;
        while ((line = stdout.poll(WAIT.toSeconds(), TimeUnit.SECONDS)) != null) {
            if (line.contains("\"type\":\"thread.started\"")) {
                threadId = SessionHarness.threadIdOfJsonl(line);
            }
            if (line.contains("\"type\":\"item.started\"") && line.contains("\"type\":\"command_execution\"")) {
                break;
            }
        }
        assertThat(line).as("item.started of the command; stderr:\n%s", stderr()).isNotNull();
        assertThat(threadId).isNotNull();
        String id = threadId;
        awaitTrue("the `sleep 30` process runs", () -> child.descendants()
                .anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 30")));
        awaitTrue("the function call is in the rollout", () -> h.rollouts().stream()
                .anyMatch(p -> read(p).contains("\"call_id\":\"call_sleep\"")));
        child.descendants().forEach(started::add);

        child.destroyForcibly(); // SIGKILL: no shutdown hook, no final flush
        assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);

        Path rollout = h.rolloutOf(id);
        List<String> beforeResume = SessionHarness.rolloutTranscript(rollout); // parses, nothing skipped
        assertThat(beforeResume).containsSubsequence("user: Sleep for a while.",
                "call call_sleep exec_command " + SLEEP_ARGS);
        assertThat(beforeResume).noneMatch(item -> item.startsWith("output call_sleep"));

        h.mock.enqueue(MockResponse.reply("Resumed after the crash."));
        CliHarness.Result resumed = h.execOk("--json", "resume", id, "next");
        assertThat(SessionHarness.threadIdOfJsonl(resumed.out())).isEqualTo(id);

        List<String> sent = SessionHarness.transcript(h.mock.modelRequests().get(1));
        List<String> expected = new ArrayList<>(beforeResume);
        expected.add("user: next");
        assertThat(sent).as("every item persisted before the kill, then the new prompt").containsSubsequence(expected);
        assertThat(sent).as("the interrupted call is answered, right after the call")
                .containsSubsequence("call call_sleep exec_command " + SLEEP_ARGS, "output call_sleep: aborted");
        assertThat(SessionHarness.rolloutTranscript(rollout)).containsSubsequence("user: Sleep for a while.",
                "call call_sleep exec_command " + SLEEP_ARGS, "user: next", "assistant: Resumed after the crash.");
    }

    private Process startExec(String prompt) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "exec", "--json", "--dangerously-bypass-approvals-and-sandbox",
                "--skip-git-repo-check"));
        cmd.addAll(h.providerFlags());
        cmd.add(prompt);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(h.workdir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(h.home.resolve("child-stderr.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(h.env());
        return pb.start();
    }

    private String stderr() {
        return read(h.home.resolve("child-stderr.txt"));
    }

    private static BlockingQueue<String> linesOf(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // the child was killed; the queue simply ends
            }
        });
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: %s; stderr:\n%s", what, stderr()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
