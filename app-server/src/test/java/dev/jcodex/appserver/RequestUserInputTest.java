package dev.jcodex.appserver;

import static dev.jcodex.appserver.ServerHarness.prompt;
import static dev.jcodex.appserver.ServerHarness.untilTurnCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.ServerEvent;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ToolRequestUserInputResponse;
import dev.jcodex.testkit.MockResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code request_user_input} round trip: core → {@code item/tool/requestUserInput} → client answer → model. */
class RequestUserInputTest {
    static final String QUESTIONS = "{\"questions\":[{\"id\":\"db\",\"header\":\"Database\",\"question\":\"Which DB?\","
            + "\"options\":[{\"label\":\"SQLite\",\"description\":\"simple\"},"
            + "{\"label\":\"Postgres\",\"description\":\"scales\"}]}]}";
    ServerHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new ServerHarness();
        h.mock.enqueue(MockResponse.sse().functionCall("call_q", "request_user_input", QUESTIONS).build(),
                MockResponse.reply("Using the answer."));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private String start(AppServerClient client) {
        String threadId = client.threadStart(ThreadStartParams.builder().cwd(h.workdir.toString()).build())
                .thread().id();
        client.turnStart(prompt(threadId, "Set up storage."));
        return threadId;
    }

    @Test
    void answersFromTheClientReachTheModel() throws Exception {
        AppServerClient client = h.connectInitialized();
        String threadId = start(client);
        ServerEvent.Request asked = TurnNotificationsTest.nextRequest(client);
        assertThat(asked.request()).isInstanceOfSatisfying(ServerRequest.ToolRequestUserInput.class, r -> {
            assertThat(r.params().threadId()).isEqualTo(threadId);
            assertThat(r.params().itemId()).isEqualTo("call_q");
            assertThat(r.params().questions()).singleElement().satisfies(q -> {
                assertThat(q.id()).isEqualTo("db");
                assertThat(q.options()).hasSize(2);
            });
        });
        client.respond(asked.request().id(), new ToolRequestUserInputResponse(Map.of("db",
                new ToolRequestUserInputResponse.Answer(List.of("Postgres")))));
        untilTurnCompleted(client);
        assertThat(output(1)).isEqualTo("{\"answers\":{\"db\":{\"answers\":[\"Postgres\"]}}}");
    }

    @Test
    void aRefusedRequestTellsTheModelToProceed() throws Exception {
        AppServerClient client = h.connectInitialized();
        start(client);
        ServerEvent.Request asked = TurnNotificationsTest.nextRequest(client);
        client.respondError(asked.request().id(), -32000, "not supported in exec mode");
        untilTurnCompleted(client);
        assertThat(output(1)).startsWith("request_user_input is unavailable");
    }

    private String output(int request) {
        for (JsonNode item : h.mock.modelRequests().get(request).bodyJson().path("input")) {
            if ("call_q".equals(item.path("call_id").asString(null)) && item.has("output")) {
                return item.path("output").asString();
            }
        }
        throw new AssertionError("no output for call_q");
    }
}
