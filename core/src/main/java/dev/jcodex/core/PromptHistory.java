package dev.jcodex.core;

import dev.jcodex.protocol.FunctionCallOutputPayload;
import dev.jcodex.protocol.ResponseItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The history as the Responses API accepts it: every tool call answered and no answer without its call. A call
 * loses its output when the process was killed (or the turn interrupted) while the tool ran; the stored history
 * keeps it unanswered and the request gets an {@code "aborted"} output right after it, as the reference does.
 * Outputs whose call is gone (e.g. dropped by a compaction) are left out.
 */
final class PromptHistory {
    static final String ABORTED = "aborted";

    private PromptHistory() {}

    static List<ResponseItem> forPrompt(List<ResponseItem> history) {
        Set<String> calls = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (ResponseItem item : history) {
            switch (item) {
                case ResponseItem.FunctionCall c -> calls.add(c.callId());
                case ResponseItem.CustomToolCall c -> calls.add(c.callId());
                case ResponseItem.LocalShellCall c -> calls.add(c.callId());
                case ResponseItem.FunctionCallOutput o -> outputs.add(o.callId());
                case ResponseItem.CustomToolCallOutput o -> outputs.add(o.callId());
                case ResponseItem.Message m -> { }
                case ResponseItem.Reasoning r -> { }
                case ResponseItem.WebSearchCall w -> { }
                case ResponseItem.Compaction c -> { }
                case ResponseItem.Other o -> { }
            }
        }
        if (calls.equals(outputs)) {
            return history;
        }
        List<ResponseItem> fixed = new ArrayList<>(history.size() + 1);
        for (ResponseItem item : history) {
            switch (item) {
                case ResponseItem.FunctionCallOutput o when !calls.contains(o.callId()) -> { }
                case ResponseItem.CustomToolCallOutput o when !calls.contains(o.callId()) -> { }
                case ResponseItem.CustomToolCall c when !outputs.contains(c.callId()) -> {
                    fixed.add(c);
                    fixed.add(new ResponseItem.CustomToolCallOutput(null, c.callId(), null,
                            FunctionCallOutputPayload.text(ABORTED)));
                }
                case ResponseItem.FunctionCall c when !outputs.contains(c.callId()) -> {
                    fixed.add(c);
                    fixed.add(new ResponseItem.FunctionCallOutput(null, c.callId(),
                            FunctionCallOutputPayload.text(ABORTED)));
                }
                case ResponseItem.LocalShellCall c when c.callId() != null && !outputs.contains(c.callId()) -> {
                    fixed.add(c);
                    fixed.add(new ResponseItem.FunctionCallOutput(null, c.callId(),
                            FunctionCallOutputPayload.text(ABORTED)));
                }
                default -> fixed.add(item);
            }
        }
        return fixed;
    }
}
