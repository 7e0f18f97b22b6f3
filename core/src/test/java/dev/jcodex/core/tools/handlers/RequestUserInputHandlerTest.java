package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolPayload;
import dev.jcodex.core.tools.ToolResult;
import org.junit.jupiter.api.Test;

class RequestUserInputHandlerTest {
    static final String ONE_QUESTION = "{\"questions\":[{\"id\":\"db\",\"header\":\"Database\",\"question\":\"Which DB?\","
            + "\"options\":[{\"label\":\"SQLite\",\"description\":\"simple\"},{\"label\":\"Postgres\",\"description\":\"scales\"}]}]}";
    final RequestUserInputHandler handler = new RequestUserInputHandler();

    private ToolInvocation call(String args, FakeReadTurn turn) {
        return new ToolInvocation("call_q", "request_user_input", new ToolPayload.Function(args), turn);
    }

    @Test
    void specMatchesTheReferenceSchemaShape() {
        assertThat(handler.spec().path("parameters").path("required").get(0).asString()).isEqualTo("questions");
        assertThat(handler.spec().path("parameters").path("properties").path("questions").path("items")
                .path("required").toString()).isEqualTo("[\"id\",\"header\",\"question\",\"options\"]");
        assertThat(handler.mutating(null)).isFalse();
    }

    @Test
    void withoutAFrontEndTheModelIsToldToProceed() throws Exception {
        ToolResult result = handler.handle(call(ONE_QUESTION, new FakeReadTurn(java.nio.file.Path.of("/"))));
        assertThat(result).isEqualTo(ToolResult.failure(RequestUserInputHandler.UNAVAILABLE));
    }

    @Test
    void tooManyOrMalformedQuestionsAreArgumentErrors() {
        String four = "{\"questions\":[" + String.join(",", java.util.Collections.nCopies(4,
                "{\"id\":\"a\",\"header\":\"h\",\"question\":\"q\",\"options\":[]}")) + "]}";
        FakeReadTurn turn = new FakeReadTurn(java.nio.file.Path.of("/"));
        assertThatThrownBy(() -> handler.handle(call(four, turn))).isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("at most 3");
        assertThatThrownBy(() -> handler.handle(call("{\"questions\":[{\"id\":\"a\"}]}", turn)))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("`header`");
        assertThatThrownBy(() -> handler.handle(call("{}", turn))).isInstanceOf(ToolArgumentException.class);
    }
}
