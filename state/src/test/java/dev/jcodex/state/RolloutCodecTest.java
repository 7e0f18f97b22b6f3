package dev.jcodex.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class RolloutCodecTest {
    private static final Instant T = Instant.parse("2026-04-24T10:00:00.123456Z");

    @Test
    void writesTimestampOrdinalTypePayloadInOrderWithMillisecondTimestamps() {
        String json = RolloutCodec.encode(RolloutLine.of(T, 7, Fixtures.user("hi")));
        assertThat(json).isEqualTo("{\"timestamp\":\"2026-04-24T10:00:00.123Z\",\"ordinal\":7,\"type\":\"response_item\","
                + "\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}}");
    }

    @Test
    void sessionMetaWritesReferenceMemberNamesInSpecOrder() {
        SessionMeta meta = Fixtures.meta(Fixtures.THREAD_ID)
                .withGit(new SessionMeta.GitInfo("abc123", "main", null));
        String json = RolloutCodec.encode(RolloutLine.of(T, 0, meta));
        assertThat(json).isEqualTo("{\"timestamp\":\"2026-04-24T10:00:00.123Z\",\"ordinal\":0,\"type\":\"session_meta\","
                + "\"payload\":{\"id\":\"" + Fixtures.THREAD_ID + "\",\"timestamp\":\"2026-04-24T10:00:00.123Z\","
                + "\"cwd\":\"/work/project\",\"originator\":\"codex_exec\",\"cli_version\":\"0.1.0\",\"source\":\"exec\","
                + "\"model_provider\":\"openai\",\"base_instructions\":{\"text\":\"You are a coding agent.\"},"
                + "\"git\":{\"commit_hash\":\"abc123\",\"branch\":\"main\"}}}");
    }

    @Test
    void everyKnownItemKindRoundTrips() throws Exception {
        List<RolloutItem> items = List.of(
                Fixtures.meta(Fixtures.THREAD_ID),
                Fixtures.user("hello"),
                Fixtures.call("c1"),
                Fixtures.output("c1", "out"),
                Fixtures.taskStarted("t1"),
                Fixtures.context("t1", "gpt-5.5"),
                Compacted.of("summary", List.of(ResponseItem.Message.text("user", "kept"))),
                Compacted.legacy("old summary"),
                new RolloutItem.Unknown("world_state", JsonNodeFactory.instance.objectNode().put("full", true)));
        long ordinal = 0;
        for (RolloutItem item : items) {
            RolloutLine line = RolloutLine.of(T, ordinal++, item);
            assertThat(RolloutCodec.decode(RolloutCodec.encode(line))).isEqualTo(line);
        }
    }

    @Test
    void readsTheOlderFormatWithoutOrdinal() throws Exception {
        RolloutLine line = RolloutCodec.decode("{\"timestamp\":\"2025-09-01T12:00:00.001Z\",\"type\":\"compacted\","
                + "\"payload\":{\"message\":\"sum\"}}");
        assertThat(line).isEqualTo(new RolloutLine(Instant.parse("2025-09-01T12:00:00.001Z"), null,
                Compacted.legacy("sum"), null));
        assertThat(RolloutCodec.encode(line)).doesNotContain("ordinal");
    }

    @Test
    void keepsMembersItDoesNotModelAndLineMetadata() throws Exception {
        String text = "{\"timestamp\":\"2026-11-21T17:12:29.608Z\",\"ordinal\":0,\"type\":\"session_meta\","
                + "\"payload\":{\"account_scoped\":true,\"id\":\"x\",\"timestamp\":\"2026-11-21T17:12:29.566Z\","
                + "\"cwd\":\"/w\",\"source\":{\"subagent\":\"review\"},\"history_mode\":\"paginated\"}}";
        RolloutLine line = RolloutCodec.decode(text);
        SessionMeta meta = (SessionMeta) line.item();
        assertThat(meta.extra()).containsOnlyKeys("account_scoped", "history_mode");
        assertThat(meta.sourceLabel()).isEqualTo("{\"subagent\":\"review\"}");
        assertThat(ProtocolJson.tree(RolloutCodec.encode(line))).isEqualTo(ProtocolJson.tree(text));

        String withMetadata = "{\"timestamp\":\"2026-11-21T17:12:29.608Z\",\"ordinal\":3,\"type\":\"response_item\","
                + "\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[]},\"metadata\":{\"history_sequence\":3}}";
        RolloutLine l2 = RolloutCodec.decode(withMetadata);
        assertThat(l2.metadata()).isEqualTo(JsonNodeFactory.instance.objectNode().put("history_sequence", 3));
        assertThat(RolloutCodec.encode(l2)).isEqualTo(withMetadata);
    }

    @Test
    void unknownLineKindsAndUnbindablePayloadsAreKeptAsUnknown() throws Exception {
        RolloutLine unknown = RolloutCodec.decode("{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"ordinal\":1,"
                + "\"type\":\"token_usage_record\",\"payload\":{\"usage\":{\"input_tokens\":1}}}");
        assertThat(unknown.item()).isInstanceOf(RolloutItem.Unknown.class);
        assertThat(unknown.type()).isEqualTo("token_usage_record");

        RolloutLine bad = RolloutCodec.decode("{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"type\":\"response_item\","
                + "\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_file\"}]}}");
        assertThat(bad.item()).isEqualTo(new RolloutItem.Unknown("response_item",
                ProtocolJson.tree("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_file\"}]}")));
    }

    @Test
    void membersInAnyOrderAndCarriageReturnsAreAccepted() throws Exception {
        RolloutLine line = RolloutCodec.decode("{\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"hi\"}]},\"extra\":[1,{\"a\":2}],\"type\":\"response_item\","
                + "\"timestamp\":\"2026-04-24T10:00:00.123Z\",\"ordinal\":4}\r");
        assertThat(line).isEqualTo(RolloutLine.of(Instant.parse("2026-04-24T10:00:00.123Z"), 4, Fixtures.user("hi")));
    }

    @Test
    void rejectsLinesThatAreNotRolloutLines() {
        for (String text : List.of("{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"type\":\"event_m",
                "{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"x\"}} {}",
                "{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"mess",
                "[1,2]", "{\"type\":\"event_msg\",\"payload\":{}}",
                "{\"timestamp\":\"yesterday\",\"type\":\"event_msg\",\"payload\":{\"type\":\"x\"}}")) {
            assertThatThrownBy(() -> RolloutCodec.decode(text))
                    .isInstanceOf(RolloutCodec.CorruptLineException.class);
        }
    }

    @Test
    void eventsNeedAType() {
        assertThatThrownBy(() -> new RolloutItem.Event(JsonNodeFactory.instance.objectNode()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RolloutItem.Event(Fixtures.event("task_started", Map.of())).type()).isEqualTo("task_started");
    }
}
