package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.state.RolloutItem;
import dev.jcodex.state.RolloutLine;
import dev.jcodex.state.SessionMeta;
import dev.jcodex.state.ThreadIndex;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session persistence through the real CLI: {@code codex exec} writes a rollout and the index, a later
 * {@code codex exec resume} (a new in-process run, so nothing but the disk carries over) finds it and sends the
 * stored conversation to the model before the new prompt.
 */
class ExecResumeEndToEndTest {
    private SessionHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new SessionHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void resumeLastSendsTheFirstTurnBeforeTheNewPrompt() throws Exception {
        h.mock.enqueue(MockResponse.reply("First answer."), MockResponse.reply("Second answer."));
        CliHarness.Result first = h.execOk("First question.");
        assertThat(first.out()).isEqualTo("First answer.\n");

        CliHarness.Result second = h.execOk("resume", "--last", "next");
        assertThat(second.out()).isEqualTo("Second answer.\n");

        List<CapturedRequest> requests = h.mock.modelRequests();
        assertThat(requests).hasSize(2);
        List<String> sent = SessionHarness.transcript(requests.get(1));
        assertThat(sent).containsSubsequence("user: First question.", "assistant: First answer.", "user: next");
        assertThat(sent.getLast()).isEqualTo("user: next");
        // The resumed request replays what the first request sent (same initial context), then the new turn.
        List<String> firstSent = SessionHarness.transcript(requests.get(0));
        assertThat(sent.subList(0, firstSent.size())).isEqualTo(firstSent);
        assertThat(requests.get(1).bodyJson().path("prompt_cache_key").asString())
                .isEqualTo(requests.get(0).bodyJson().path("prompt_cache_key").asString());
        assertThat(h.rollouts()).as("resume appends to the same rollout").hasSize(1);
    }

    @Test
    void resumeByIdContinuesThatThreadAndNotTheLatestOne() throws Exception {
        h.mock.enqueue(MockResponse.reply("Answer A."), MockResponse.reply("Answer B."),
                MockResponse.reply("Answer A2."));
        String a = SessionHarness.threadIdOfJsonl(h.execOk("--json", "Question A.").out());
        String b = SessionHarness.threadIdOfJsonl(h.execOk("--json", "Question B.").out());
        assertThat(a).isNotEqualTo(b);

        h.execOk("resume", a, "next");

        List<String> sent = SessionHarness.transcript(h.mock.modelRequests().get(2));
        assertThat(sent).containsSubsequence("user: Question A.", "assistant: Answer A.", "user: next")
                .doesNotContain("user: Question B.", "assistant: Answer B.");
        assertThat(SessionHarness.rolloutTranscript(h.rolloutOf(a))).containsSubsequence("user: Question A.",
                "assistant: Answer A.", "user: next", "assistant: Answer A2.");
        assertThat(SessionHarness.rolloutTranscript(h.rolloutOf(b))).doesNotContain("user: next");
    }

    @Test
    void resumeWithJsonReportsTheResumedThreadAndRecordsTheNewTurnInTheSameRollout() throws Exception {
        h.mock.enqueue(MockResponse.reply("First answer."), MockResponse.reply("Second answer."));
        String id = SessionHarness.threadIdOfJsonl(h.execOk("--json", "First question.").out());
        Path rollout = h.rolloutOf(id);

        CliHarness.Result resumed = h.execOk("--json", "resume", id, "next");

        List<String> lines = resumed.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("{\"type\":\"thread.started\",\"thread_id\":\"" + id + "\"}");
        assertThat(lines).contains("{\"type\":\"turn.started\"}",
                "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"agent_message\","
                        + "\"text\":\"Second answer.\"}}");
        assertThat(lines.getLast()).startsWith("{\"type\":\"turn.completed\",\"usage\":{");
        assertThat(resumed.err()).isEmpty();

        List<RolloutLine> stored = SessionHarness.readRollout(rollout);
        assertThat(stored.getFirst().item()).isInstanceOfSatisfying(SessionMeta.class,
                meta -> assertThat(meta.id()).isEqualTo(id));
        assertThat(stored.stream().filter(l -> l.item() instanceof SessionMeta)).hasSize(1);
        assertThat(stored.stream().map(RolloutLine::ordinal).toList())
                .as("ordinals continue across the resume").isSorted().doesNotHaveDuplicates();
        assertThat(stored.stream().filter(l -> l.item() instanceof RolloutItem.Event e
                && "task_complete".equals(e.type()))).hasSize(2);
        assertThat(SessionHarness.rolloutTranscript(rollout)).containsSubsequence("user: First question.",
                "assistant: First answer.", "user: next", "assistant: Second answer.");
        try (ThreadIndex index = ThreadIndex.open(h.home.path())) {
            assertThat(index.find(id)).hasValueSatisfying(r -> assertThat(r.rolloutPath()).isEqualTo(rollout));
        }
    }

    @Test
    void resumeLastOnlyConsidersThreadsOfTheCurrentDirectoryUnlessAll() throws Exception {
        h.mock.enqueue(MockResponse.reply("Here."), MockResponse.reply("Elsewhere."), MockResponse.reply("Then."),
                MockResponse.reply("Next."));
        h.execOk("Question here.");
        Path other = java.nio.file.Files.createDirectories(h.home.path().resolve("other")).toRealPath();
        h.execOk("-C", other.toString(), "Question elsewhere.");

        h.execOk("resume", "--last", "--all", "then");
        assertThat(SessionHarness.transcript(h.mock.modelRequests().get(2)))
                .containsSubsequence("user: Question elsewhere.", "user: then")
                .doesNotContain("user: Question here.");

        h.execOk("resume", "--last", "next");
        assertThat(SessionHarness.transcript(h.mock.modelRequests().get(3)))
                .containsSubsequence("user: Question here.", "assistant: Here.", "user: next")
                .doesNotContain("user: Question elsewhere.", "user: then");
    }
}
