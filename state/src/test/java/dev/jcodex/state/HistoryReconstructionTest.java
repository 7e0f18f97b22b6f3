package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class HistoryReconstructionTest {
    @TempDir
    Path dir;

    /** Identity of a history item as the reference's requests show it. */
    private record Key(String type, String role, String id, String callId) {}

    private static Key key(ResponseItem item) {
        return switch (item) {
            case ResponseItem.Message m -> new Key("message", m.role(), m.id(), null);
            case ResponseItem.Reasoning r -> new Key("reasoning", null, r.id(), null);
            case ResponseItem.FunctionCall c -> new Key("function_call", null, c.id(), c.callId());
            case ResponseItem.FunctionCallOutput o -> new Key("function_call_output", null, o.id(), o.callId());
            case ResponseItem.CustomToolCall c -> new Key("custom_tool_call", null, c.id(), c.callId());
            case ResponseItem.CustomToolCallOutput o -> new Key("custom_tool_call_output", null, o.id(), o.callId());
            case ResponseItem.LocalShellCall c -> new Key("local_shell_call", null, c.id(), c.callId());
            case ResponseItem.WebSearchCall w -> new Key("web_search_call", null, w.id(), null);
            case ResponseItem.Compaction c -> new Key("compaction", null, null, null);
            case ResponseItem.Other o -> new Key("other", null, null, null);
        };
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /**
     * The reference's last model request of each captured run carried exactly the persisted history (minus the
     * base instructions, which live in session_meta, and item kinds we cannot send); what the model answered
     * last follows it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a_plain_reply", "a2_plain_reply_gpt55", "a2_plain_reply_gpt55_openai_provider",
        "b_shell_echo", "b2_code_mode_exec", "c_apply_patch", "d_update_plan", "e_retry_500", "e2_retry_429",
        "e3_stream_disconnect", "e4_persistent_500", "f_output_schema", "g_unadvertised_shell_tool"})
    void referenceRolloutsResumeIntoTheHistoryTheirLastRequestCarried(String scenario) throws Exception {
        String rollout = Fixtures.resource("/rollouts/" + scenario + ".jsonl");
        Path file = dir.resolve(scenario + ".jsonl");
        Files.writeString(file, rollout);
        ReconstructedThread thread = HistoryReconstruction.rebuild(file);

        List<Key> expected = new ArrayList<>();
        int notPersisted = 0;
        for (JsonNode item : ProtocolJson.tree(Fixtures.resource("/rollouts/" + scenario + ".request-last-input.json"))) {
            String id = textOrNull(item, "id");
            if (item.get("type").asString().equals("additional_tools")) {
                continue;
            }
            if (id != null && !rollout.contains(id)) {
                notPersisted++;
                continue;
            }
            expected.add(new Key(item.get("type").asString(), textOrNull(item, "role"), id,
                    textOrNull(item, "call_id")));
        }
        assertThat(notPersisted).as("only the base instructions message is not persisted").isLessThanOrEqualTo(1);
        List<Key> rebuilt = thread.history().stream().map(HistoryReconstructionTest::key).toList();
        assertThat(rebuilt.subList(0, expected.size())).isEqualTo(expected);
        for (Key after : rebuilt.subList(expected.size(), rebuilt.size())) {
            assertThat(after.role()).isIn("assistant", null);
        }

        assertThat(thread.skippedLines()).isZero();
        SessionMeta meta = thread.sessionMeta();
        assertThat(meta.id()).isEqualTo(ProtocolJson.tree(rollout.lines().findFirst().orElseThrow())
                .path("payload").path("id").asString());
        assertThat(meta.cwd()).isEqualTo("$WORKDIR");
        assertThat(meta.sourceLabel()).isEqualTo("exec");
        assertThat(meta.extra()).containsKeys("account_scoped", "history_mode");
        assertThat(thread.previousTurnContext()).isNotNull();
        assertThat(thread.previousTurnContext().cwd()).isEqualTo("$WORKDIR");
        assertThat(thread.previousTurnContext().approvalPolicy().asString()).isEqualTo("never");
        assertThat(thread.referenceContext()).isEqualTo(thread.previousTurnContext());
    }

    @Test
    void theTurnContextCarriesTheModel() throws Exception {
        Path file = dir.resolve("b.jsonl");
        Files.writeString(file, Fixtures.resource("/rollouts/b_shell_echo.jsonl"));
        TurnContext ctx = HistoryReconstruction.rebuild(file).previousTurnContext();
        assertThat(ctx.model()).isEqualTo("gpt-5.5");
        assertThat(ctx.summary()).isEqualTo("none");
        assertThat(ctx.sandboxPolicy()).isEqualTo(ProtocolJson.tree("{\"type\":\"read-only\"}"));
        assertThat(ctx.extra()).containsKey("comp_hash");
    }

    @Test
    void replacementHistoryReplacesEverythingBeforeItAndLaterItemsFollow() {
        List<RolloutItem> items = new ArrayList<>();
        items.add(Fixtures.meta(Fixtures.THREAD_ID));
        items.addAll(Fixtures.turn("t1", "first", "one"));
        items.add(Fixtures.taskStarted("c1"));
        items.add(Compacted.of("summary", List.of(ResponseItem.Message.text("user", "first"),
                ResponseItem.Message.text("user", "SUMMARY"))));
        items.add(Fixtures.taskComplete("c1"));
        ReconstructedThread afterCompaction = HistoryReconstruction.rebuild(items);
        assertThat(afterCompaction.history()).containsExactly(ResponseItem.Message.text("user", "first"),
                ResponseItem.Message.text("user", "SUMMARY"));
        assertThat(afterCompaction.previousTurnContext()).isEqualTo(Fixtures.context("t1", "gpt-5.5"));
        assertThat(afterCompaction.referenceContext()).as("cleared by the newer compaction").isNull();

        items.addAll(Fixtures.turn("t2", "second", "two"));
        ReconstructedThread later = HistoryReconstruction.rebuild(items);
        assertThat(later.history()).containsExactly(ResponseItem.Message.text("user", "first"),
                ResponseItem.Message.text("user", "SUMMARY"), Fixtures.user("second").item(),
                Fixtures.assistant("two").item());
        assertThat(later.referenceContext()).isEqualTo(Fixtures.context("t2", "gpt-5.5"));
    }

    @Test
    void legacyCompactionRebuildsUserMessagesAndSummary() {
        List<RolloutItem> items = new ArrayList<>();
        items.add(Fixtures.environment());
        items.addAll(Fixtures.turn("t1", "u1", "a1"));
        items.add(Fixtures.user(HistoryRules.SUMMARY_PREFIX_START + " … an older summary"));
        items.addAll(Fixtures.turn("t2", "u2", "a2"));
        items.add(Compacted.legacy("SUMMARY TEXT"));
        ReconstructedThread thread = HistoryReconstruction.rebuild(items);
        assertThat(thread.history()).containsExactly(Fixtures.user("u1").item(), Fixtures.user("u2").item(),
                Fixtures.user("SUMMARY TEXT").item());
        assertThat(thread.referenceContext()).isNull();
        assertThat(thread.previousTurnContext()).isEqualTo(Fixtures.context("t2", "gpt-5.5"));

        ReconstructedThread empty = HistoryReconstruction.rebuild(List.of(Compacted.legacy("")));
        assertThat(empty.history()).containsExactly(Fixtures.user(HistoryRules.NO_SUMMARY).item());
    }

    @Test
    void legacyCompactionKeepsTheNewestUserMessagesWithinTheTokenBudget() {
        String big = "a".repeat(50_000) + "b".repeat(50_000); // 25,000 tokens: over the 20,000 budget
        List<RolloutItem> items = List.of(Fixtures.user("oldest"), Fixtures.user(big), Fixtures.user("newest"),
                Compacted.legacy("S"));
        List<ResponseItem> history = HistoryReconstruction.rebuild(items).history();
        assertThat(history).hasSize(3);
        String truncated = ((ResponseItem.Message) history.getFirst()).joinedText();
        assertThat(truncated).startsWith("aaaa").endsWith("bbbb").contains(" tokens truncated…");
        assertThat(HistoryRules.approxTokens(truncated)).isLessThanOrEqualTo(20_000 + 10);
        assertThat(history.get(1)).isEqualTo(Fixtures.user("newest").item());
    }

    @Test
    void rollbackDropsTheNewestUserTurnsFromHistoryAndTurnContexts() {
        List<RolloutItem> items = new ArrayList<>();
        items.add(Fixtures.meta(Fixtures.THREAD_ID));
        items.add(Fixtures.environment());
        items.addAll(Fixtures.turn("t1", "u1", "a1"));
        items.addAll(List.of(Fixtures.taskStarted("t2"), Fixtures.context("t2", "model-two"), Fixtures.user("u2"),
                Fixtures.call("c2"), Fixtures.output("c2", "out"), Fixtures.assistant("a2"),
                Fixtures.taskComplete("t2")));
        items.addAll(List.of(Fixtures.taskStarted("t3"), Fixtures.context("t3", "model-three"), Fixtures.user("u3"),
                Fixtures.assistant("a3"), Fixtures.taskComplete("t3")));

        List<RolloutItem> one = new ArrayList<>(items);
        one.add(Fixtures.rolledBack(1));
        ReconstructedThread afterOne = HistoryReconstruction.rebuild(one);
        assertThat(afterOne.history()).containsExactly(Fixtures.environment().item(), Fixtures.user("u1").item(),
                Fixtures.assistant("a1").item(), Fixtures.user("u2").item(), Fixtures.call("c2").item(),
                Fixtures.output("c2", "out").item(), Fixtures.assistant("a2").item());
        assertThat(afterOne.previousTurnContext().model()).isEqualTo("model-two");
        assertThat(afterOne.referenceContext().model()).isEqualTo("model-two");

        List<RolloutItem> all = new ArrayList<>(items);
        all.add(Fixtures.rolledBack(5));
        ReconstructedThread afterAll = HistoryReconstruction.rebuild(all);
        assertThat(afterAll.history()).containsExactly(Fixtures.environment().item());
        assertThat(afterAll.previousTurnContext()).isNull();

        one.addAll(Fixtures.turn("t4", "u4", "a4"));
        assertThat(HistoryReconstruction.rebuild(one).history()).endsWith(Fixtures.user("u4").item(),
                Fixtures.assistant("a4").item());
    }

    @Test
    void userMessageEventsMarkUserTurnsForRollbackEvenWithoutATurnContext() {
        var userEvent = new RolloutItem.Event(Fixtures.event("user_message", Map.of("message", "u2")));
        List<RolloutItem> items = new ArrayList<>(Fixtures.turn("t1", "u1", "a1"));
        items.addAll(List.of(Fixtures.taskStarted("t2"), userEvent, Fixtures.user("u2"), Fixtures.taskComplete("t2"),
                Fixtures.rolledBack(1)));
        ReconstructedThread thread = HistoryReconstruction.rebuild(items);
        assertThat(thread.history()).containsExactly(Fixtures.user("u1").item(), Fixtures.assistant("a1").item());
        assertThat(thread.previousTurnContext()).isEqualTo(Fixtures.context("t1", "gpt-5.5"));
    }

    @Test
    void fileAndInMemoryRebuildAgree() throws Exception {
        List<RolloutItem> items = new ArrayList<>();
        items.add(Fixtures.meta(Fixtures.THREAD_ID));
        items.addAll(Fixtures.turn("t1", "u1", "a1"));
        items.add(Fixtures.rolledBack(1));
        items.addAll(Fixtures.turn("t2", "u2", "a2"));
        Path file = dir.resolve("r.jsonl");
        try (RolloutWriter w = RolloutWriter.create(file, (SessionMeta) items.getFirst(),
                RolloutWriter.FileCreation.EAGER, java.time.Clock.systemUTC(), 16)) {
            items.subList(1, items.size()).forEach(w::append);
        }
        assertThat(HistoryReconstruction.rebuild(file)).isEqualTo(HistoryReconstruction.rebuild(items));
    }
}
