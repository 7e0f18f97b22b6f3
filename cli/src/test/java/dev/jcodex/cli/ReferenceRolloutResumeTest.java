package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.state.ThreadIndex;
import dev.jcodex.testkit.MockResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rollout written by the Rust reference (0.169.0, {@code b_shell_echo} capture: prompt, reasoning, an
 * {@code exec_command} call and its output, the answer) resumes through {@code codex exec resume}: the next request
 * carries that history, in order, without the reference's rollout-only members.
 */
class ReferenceRolloutResumeTest {
    static final String THREAD_ID = "01a1ff18-5e73-71e1-99f3-779a929957d0";
    static final List<String> REFERENCE_HISTORY = List.of(
            "user: Run echo hi and tell me what it printed.",
            "reasoning: Planning to run echo.",
            "call call_echo exec_command {\"cmd\": \"echo hi\", \"yield_time_ms\": 2000}",
            "output call_echo: Chunk ID: 5cc1d9\nWall time: 0.0000 seconds\nProcess exited with code 0\n"
                    + "Original token count: 1\nOutput:\nhi\n",
            "assistant: The command printed: hi",
            "user: next");

    private SessionHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new SessionHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Copies the capture into {@code sessions/2026/11/21/} with the placeholders replaced by real paths. */
    private Path installReferenceRollout() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/reference-rollouts/b_shell_echo.jsonl")) {
            assertThat(in).as("test resource").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("$WORKDIR", h.workdir.toString()).replace("$CODEX_HOME", h.home.path().toString());
        Path file = h.home.resolve("sessions/2026/11/21/rollout-2026-11-21T17-12-29-" + THREAD_ID + ".jsonl");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void assertCarriesTheReferenceHistory(JsonNode body) {
        List<String> sent = SessionHarness.transcript(body.path("input"));
        assertThat(sent).containsSubsequence(REFERENCE_HISTORY);
        assertThat(sent.getLast()).isEqualTo("user: next");
        assertThat(sent).anySatisfy(item -> assertThat(item)
                .startsWith("user: <environment_context>\n  <cwd>" + h.workdir + "</cwd>"));
        JsonNode reasoning = null;
        for (JsonNode item : body.path("input")) {
            if ("reasoning".equals(item.path("type").asString(""))) {
                reasoning = item;
            }
        }
        assertThat(reasoning).isNotNull();
        assertThat(reasoning.path("encrypted_content").asString()).isEqualTo("ZW5jcnlwdGVkLXJlYXNvbmluZw==");
        assertThat(body.toString()).as("rollout-only members are not sent to the model")
                .doesNotContain("internal_chat_message_metadata_passthrough", "history_sequence");
        assertThat(body.path("prompt_cache_key").asString()).isEqualTo(THREAD_ID);
    }

    @Test
    void resumeByIdOfAReferenceRolloutInAFreshCodexHome() throws Exception {
        installReferenceRollout();
        h.mock.enqueue(MockResponse.reply("Resumed."));

        CliHarness.Result r = h.execOk("--json", "resume", THREAD_ID, "next");

        assertThat(SessionHarness.threadIdOfJsonl(r.out())).isEqualTo(THREAD_ID);
        assertCarriesTheReferenceHistory(h.mock.modelRequests().getFirst().bodyJson());
    }

    @Test
    void resumeLastFindsAReferenceRolloutOfThisDirectory() throws Exception {
        installReferenceRollout();
        h.mock.enqueue(MockResponse.reply("Resumed."));

        h.execOk("resume", "--last", "next");

        assertCarriesTheReferenceHistory(h.mock.modelRequests().getFirst().bodyJson());
    }

    @Test
    void resumeByIdOfAReferenceRolloutAddedAfterJcodexBuiltItsIndex() throws Exception {
        h.mock.enqueue(MockResponse.reply("Own thread."), MockResponse.reply("Resumed."));
        h.execOk("A jcodex thread first.");
        assertThat(h.home.resolve(ThreadIndex.DB_FILE_NAME)).exists();
        Path rollout = installReferenceRollout();

        h.execOk("resume", THREAD_ID, "next");

        assertCarriesTheReferenceHistory(h.mock.modelRequests().get(1).bodyJson());
        assertThat(SessionHarness.rolloutTranscript(rollout)).containsSubsequence(REFERENCE_HISTORY)
                .endsWith("assistant: Resumed.");
    }

    @Test
    void theResumedTurnIsAppendedToTheReferenceFileWhichStillParses() throws Exception {
        Path rollout = installReferenceRollout();
        long before = Files.readAllLines(rollout).size();
        h.mock.enqueue(MockResponse.reply("Resumed."));

        h.execOk("resume", THREAD_ID, "next");

        List<String> transcript = SessionHarness.rolloutTranscript(rollout);
        assertThat(transcript).containsSubsequence(REFERENCE_HISTORY).endsWith("assistant: Resumed.");
        assertThat(SessionHarness.readRollout(rollout)).hasSizeGreaterThan((int) before);
        assertThat(h.rollouts()).containsExactly(rollout);
    }
}
