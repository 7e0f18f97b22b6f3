package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.ProtocolJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code request_user_input} (spec §4.8): the model asks the user one to three multiple-choice questions. The
 * front end is asked through the app-server ({@code item/tool/requestUserInput}); when no front end can answer
 * (e.g. {@code codex exec}, which refuses such requests) the model is told to proceed on its own.
 */
public final class RequestUserInputHandler implements ToolHandler {
    static final int MAX_QUESTIONS = 3;
    static final String UNAVAILABLE = "request_user_input is unavailable: no one can answer questions in this "
            + "session (for example a headless `codex exec` run). Do not ask again; choose the most reasonable "
            + "option yourself, say which assumption you made in your final message, and continue.";

    private static final JsonNode SPEC = ProtocolJson.tree("""
            {"type":"function","name":"request_user_input",
             "description":"Ask the user up to three short multiple-choice questions and wait for the answers. Use it only when a decision truly needs the user (ambiguous requirements, risky trade-offs); otherwise decide yourself.",
             "strict":false,
             "parameters":{"type":"object","additionalProperties":false,"required":["questions"],
              "properties":{"questions":{"type":"array","description":"Questions to show the user. Prefer 1 and do not exceed 3",
               "items":{"type":"object","additionalProperties":false,"required":["id","header","question","options"],
                "properties":{
                 "id":{"type":"string","description":"Stable identifier for mapping answers (snake_case)."},
                 "header":{"type":"string","description":"Short header label shown in the UI (12 or fewer chars)."},
                 "question":{"type":"string","description":"Single-sentence prompt shown to the user."},
                 "options":{"type":"array","description":"Two to four mutually exclusive choices, the recommended one first; the user can always type another answer.",
                  "items":{"type":"object","additionalProperties":false,"required":["label","description"],
                   "properties":{
                    "label":{"type":"string","description":"User-facing label (1-5 words)."},
                    "description":{"type":"string","description":"One short sentence explaining impact/tradeoff if selected."}}}}}}}}}}
            """);

    @Override
    public String name() {
        return "request_user_input";
    }

    @Override
    public JsonNode spec() {
        return SPEC;
    }

    @Override
    public boolean mutating(ToolInvocation invocation) {
        return false;
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        JsonNode args = Args.parse(inv.functionArguments(), name());
        JsonNode questions = validate(args.get("questions"));
        JsonNode answers = inv.turn().requestUserInput(inv.callId(), questions);
        if (answers == null || !answers.isObject()) {
            return ToolResult.failure(UNAVAILABLE);
        }
        ObjectNode out = ProtocolJson.mapper().createObjectNode();
        out.set("answers", answers);
        return ToolResult.ok(ProtocolJson.write(out));
    }

    private JsonNode validate(JsonNode questions) {
        if (questions == null || !questions.isArray() || questions.isEmpty()) {
            throw new ToolArgumentException("failed to parse function arguments for request_user_input: `questions` "
                    + "must be a non-empty array");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new ToolArgumentException("request_user_input accepts at most " + MAX_QUESTIONS
                    + " questions; got " + questions.size() + ". Ask only what you cannot decide yourself.");
        }
        for (JsonNode q : questions) {
            for (String field : new String[] {"id", "header", "question"}) {
                if (!q.path(field).isString() || q.path(field).asString().isBlank()) {
                    throw new ToolArgumentException("failed to parse function arguments for request_user_input: "
                            + "every question needs a non-empty string `" + field + "`");
                }
            }
            if (!q.path("options").isArray()) {
                throw new ToolArgumentException("failed to parse function arguments for request_user_input: "
                        + "every question needs an `options` array of {label, description}");
            }
        }
        return questions;
    }
}
