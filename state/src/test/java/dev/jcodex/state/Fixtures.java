package dev.jcodex.state;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.FunctionCallOutputPayload;
import dev.jcodex.protocol.ResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builders for rollout items used across tests. */
final class Fixtures {
    static final String THREAD_ID = "01a1ff18-5e73-71e1-99f3-779a929957d0";

    private Fixtures() {}

    static SessionMeta meta(String id) {
        return SessionMeta.of(id, "2026-04-24T10:00:00.123Z", "/work/project",
                new SessionMeta.Identity("codex_exec", "0.1.0", "openai"), "exec")
                .withBaseInstructions("You are a coding agent.");
    }

    static ObjectNode event(String type, Map<String, Object> fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        fields.forEach((k, v) -> {
            switch (v) {
                case String s -> node.put(k, s);
                case Integer i -> node.put(k, i);
                case Long l -> node.put(k, l);
                default -> throw new IllegalArgumentException(k);
            }
        });
        return node;
    }

    static RolloutItem.Event taskStarted(String turnId) {
        return new RolloutItem.Event(event("task_started", Map.of("turn_id", turnId)));
    }

    static RolloutItem.Event taskComplete(String turnId) {
        return new RolloutItem.Event(event("task_complete", Map.of("turn_id", turnId)));
    }

    static RolloutItem.Event rolledBack(int turns) {
        return new RolloutItem.Event(event("thread_rolled_back", Map.of("num_turns", turns)));
    }

    static RolloutItem.Response user(String text) {
        return new RolloutItem.Response(ResponseItem.Message.text("user", text));
    }

    static RolloutItem.Response assistant(String text) {
        return new RolloutItem.Response(ResponseItem.Message.text("assistant", text));
    }

    static RolloutItem.Response environment() {
        return new RolloutItem.Response(ResponseItem.Message.of("user",
                List.of(new ContentItem.InputText("<environment_context>\n  <cwd>/w</cwd>\n</environment_context>"))));
    }

    static RolloutItem.Response call(String callId) {
        return new RolloutItem.Response(new ResponseItem.FunctionCall(null, "fc_" + callId, "exec_command", null,
                "{\"cmd\":\"echo hi\"}", callId));
    }

    static RolloutItem.Response output(String callId, String text) {
        return new RolloutItem.Response(new ResponseItem.FunctionCallOutput(null, callId,
                FunctionCallOutputPayload.text(text)));
    }

    static TurnContext context(String turnId, String model) {
        return TurnContext.builder("/work/project", model).turnId(turnId)
                .approvalPolicy(JsonNodeFactory.instance.stringNode("never"))
                .sandboxPolicy(JsonNodeFactory.instance.objectNode().put("type", "read-only"))
                .summary("auto").build();
    }

    /** One complete user turn: task_started, turn_context, user message, assistant reply, task_complete. */
    static List<RolloutItem> turn(String turnId, String prompt, String reply) {
        return List.of(taskStarted(turnId), context(turnId, "gpt-5.5"), user(prompt), assistant(reply),
                taskComplete(turnId));
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
