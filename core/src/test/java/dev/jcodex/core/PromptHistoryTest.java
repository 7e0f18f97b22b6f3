package dev.jcodex.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.FunctionCallOutputPayload;
import dev.jcodex.protocol.ResponseItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unanswered tool calls (a kill or an interrupt while the tool ran) get an "aborted" output in the request. */
class PromptHistoryTest {
    private static final ResponseItem USER = ResponseItem.Message.text("user", "run it");
    private static final ResponseItem NEXT = ResponseItem.Message.text("user", "next");

    private static ResponseItem.FunctionCall call(String id) {
        return new ResponseItem.FunctionCall(null, "fc_" + id, "exec_command", null, "{}", id);
    }

    private static ResponseItem.FunctionCallOutput output(String id, String text) {
        return new ResponseItem.FunctionCallOutput(null, id, FunctionCallOutputPayload.text(text));
    }

    @Test
    void aCompleteHistoryIsSentAsIs() {
        List<ResponseItem> history = List.of(USER, call("a"), call("b"), output("a", "1"), output("b", "2"), NEXT);
        assertThat(PromptHistory.forPrompt(history)).isSameAs(history);
    }

    @Test
    void eachUnansweredCallIsFollowedByAnAbortedOutput() {
        ResponseItem.CustomToolCall patch = new ResponseItem.CustomToolCall(null, null, "p", "apply_patch", "*** x");
        ResponseItem.LocalShellCall shell = new ResponseItem.LocalShellCall(null, "s", "in_progress", null);
        List<ResponseItem> history = List.of(USER, call("a"), call("b"), output("a", "1"), patch, shell, NEXT);

        assertThat(PromptHistory.forPrompt(history)).containsExactly(USER, call("a"), call("b"),
                output("b", "aborted"), output("a", "1"), patch,
                new ResponseItem.CustomToolCallOutput(null, "p", null, FunctionCallOutputPayload.text("aborted")),
                shell, output("s", "aborted"), NEXT);
    }

    @Test
    void anOutputWithoutItsCallIsLeftOut() {
        List<ResponseItem> history = List.of(USER, output("gone", "x"), call("a"), output("a", "1"), NEXT);
        assertThat(PromptHistory.forPrompt(history)).containsExactly(USER, call("a"), output("a", "1"), NEXT);
    }
}
