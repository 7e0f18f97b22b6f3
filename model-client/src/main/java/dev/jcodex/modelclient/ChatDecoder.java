package dev.jcodex.modelclient;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Maps Chat Completions {@code chat.completion.chunk}s to the same {@link ResponseEvent}s as the Responses API:
 * content deltas become an assistant message, {@code reasoning}/{@code reasoning_content} deltas a reasoning
 * item, {@code delta.tool_calls} fragments (keyed by {@code index}) are accumulated into function calls (or
 * custom tool calls for tools that were custom, their {@code input} taken from the arguments). Items are
 * finished at {@code finish_reason} / {@code [DONE]}; {@code Completed} (with the usage chunk's counts) follows
 * when the body ends.
 */
final class ChatDecoder implements StreamDecoder {
    private static final System.Logger LOG = System.getLogger(ChatDecoder.class.getName());

    private final Set<String> customToolNames;
    private String responseId;
    private boolean created;
    private String messageId;
    private final StringBuilder text = new StringBuilder();
    private String reasoningId;
    private final StringBuilder reasoning = new StringBuilder();
    private final TreeMap<Integer, ToolCall> toolCalls = new TreeMap<>();
    private boolean finished;
    private boolean flushed;
    private TokenUsage usage;

    private static final class ToolCall {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
        boolean announced;
    }

    ChatDecoder(Set<String> customToolNames) {
        this.customToolNames = Set.copyOf(customToolNames);
    }

    @Override
    public void onEvent(SseParser.SseEvent sse, EventSink sink) {
        if ("[DONE]".equals(sse.data().trim())) {
            finished = true;
            flush(sink);
            return;
        }
        JsonNode chunk;
        try {
            chunk = ProtocolJson.tree(sse.data());
        } catch (JacksonException e) {
            LOG.log(System.Logger.Level.DEBUG, "skipping unparseable chat chunk: {0}", e.getOriginalMessage());
            return;
        }
        if (!chunk.isObject()) {
            return;
        }
        if (JsonFields.object(chunk, "error") != null) {
            sink.fail(ResponsesDecoder.failed(chunk));
            return;
        }
        if (!created) {
            created = true;
            responseId = JsonFields.text(chunk, "id");
            sink.emit(new ResponseEvent.Created());
        }
        JsonNode u = JsonFields.object(chunk, "usage");
        if (u != null) {
            usage = usage(u);
        }
        JsonNode choices = chunk.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            return;
        }
        JsonNode choice = choices.get(0);
        JsonNode delta = JsonFields.object(choice, "delta");
        if (delta != null && !flushed) {
            delta(delta, sink);
        }
        if (JsonFields.text(choice, "finish_reason") != null) {
            finished = true;
            flush(sink);
        }
    }

    private void delta(JsonNode delta, EventSink sink) {
        String content = JsonFields.text(delta, "content");
        if (content != null && !content.isEmpty()) {
            if (messageId == null) {
                messageId = "msg_" + idSuffix();
                sink.emit(new ResponseEvent.OutputItemAdded(
                        new ResponseItem.Message(messageId, "assistant", List.of(), null, null)));
            }
            text.append(content);
            sink.emit(new ResponseEvent.OutputTextDelta(messageId, content));
        }
        for (String field : List.of("reasoning", "reasoning_content")) {
            String r = JsonFields.text(delta, field);
            if (r != null && !r.isEmpty()) {
                if (reasoningId == null) {
                    reasoningId = "rs_" + idSuffix();
                    sink.emit(new ResponseEvent.OutputItemAdded(
                            new ResponseItem.Reasoning(reasoningId, List.of(), null, null)));
                }
                reasoning.append(r);
                sink.emit(new ResponseEvent.ReasoningContentDelta(reasoningId, 0, r));
            }
        }
        JsonNode calls = delta.get("tool_calls");
        if (calls != null && calls.isArray()) {
            int position = 0;
            for (JsonNode call : calls) {
                int index = JsonFields.integer(call, "index", position++);
                ToolCall tc = toolCalls.computeIfAbsent(index, k -> new ToolCall());
                String id = JsonFields.text(call, "id");
                if (id != null && !id.isEmpty()) {
                    tc.id = id;
                }
                JsonNode fn = JsonFields.object(call, "function");
                String name = JsonFields.text(fn, "name");
                if (name != null && !name.isEmpty()) {
                    tc.name = name;
                }
                String args = JsonFields.text(fn, "arguments");
                if (args != null) {
                    tc.arguments.append(args);
                }
                if (!tc.announced && tc.name != null) {
                    tc.announced = true;
                    sink.emit(new ResponseEvent.OutputItemAdded(toItem(index, tc, "in_progress", "")));
                }
            }
        }
    }

    private String idSuffix() {
        return responseId == null ? "chat" : responseId;
    }

    private void flush(EventSink sink) {
        if (flushed) {
            return;
        }
        flushed = true;
        if (reasoningId != null) {
            sink.emit(new ResponseEvent.OutputItemDone(new ResponseItem.Reasoning(reasoningId, List.of(),
                    List.of(new ResponseItem.ReasoningContent("reasoning_text", reasoning.toString())), null)));
        }
        if (messageId != null) {
            sink.emit(new ResponseEvent.OutputItemDone(new ResponseItem.Message(messageId, "assistant",
                    List.of(new ContentItem.OutputText(text.toString())), null, null)));
        }
        toolCalls.forEach((index, tc) -> {
            if (tc.name == null) {
                LOG.log(System.Logger.Level.WARNING, "chat: dropping tool call {0} without a name", index);
                return;
            }
            sink.emit(new ResponseEvent.OutputItemDone(toItem(index, tc, "completed", tc.arguments.toString())));
        });
    }

    private ResponseItem toItem(int index, ToolCall tc, String status, String arguments) {
        String callId = tc.id != null ? tc.id : "call_" + index;
        if (customToolNames.contains(tc.name)) {
            return new ResponseItem.CustomToolCall(null, status, callId, tc.name, customInput(arguments));
        }
        return new ResponseItem.FunctionCall(status, null, tc.name, null, arguments, callId);
    }

    /** The {@code input} member of a custom tool's arguments, or the raw arguments when they are not such JSON. */
    static String customInput(String arguments) {
        if (arguments.isEmpty()) {
            return "";
        }
        try {
            String input = JsonFields.text(ProtocolJson.tree(arguments), "input");
            return input != null ? input : arguments;
        } catch (JacksonException e) {
            return arguments;
        }
    }

    @Override
    public void onEnd(EventSink sink) {
        if (!finished) {
            sink.fail(StreamDecoder.closedEarly());
            return;
        }
        flush(sink);
        sink.emit(new ResponseEvent.Completed(responseId, usage));
    }

    private static TokenUsage usage(JsonNode u) {
        long input = JsonFields.number(u, "prompt_tokens");
        long output = JsonFields.number(u, "completion_tokens");
        long cached = JsonFields.number(JsonFields.object(u, "prompt_tokens_details"), "cached_tokens");
        long reasoningTokens = JsonFields.number(JsonFields.object(u, "completion_tokens_details"), "reasoning_tokens");
        long total = u.has("total_tokens") ? JsonFields.number(u, "total_tokens") : input + output;
        return new TokenUsage(input, cached, 0, output, reasoningTokens, total);
    }
}
