package dev.jcodex.appserver;

import static dev.jcodex.appserver.ServerHarness.prompt;
import static dev.jcodex.appserver.ServerHarness.untilTurnCompleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.AppServerRequestException;
import dev.jcodex.appserver.protocol.ClientInfo;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.InitializeResponse;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.SandboxPolicy;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The initialize gate, error mapping, config params and per-turn overrides. */
class RequestHandlingTest {
    ServerHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new ServerHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    static void rejects(ThrowingCallable call, int code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AppServerRequestException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void requestsBeforeInitializeAreRefusedAndInitializeOnlyOnce() {
        AppServerClient client = h.connect();
        rejects(() -> client.threadStart(ThreadStartParams.builder().build()), ErrorCodes.INVALID_REQUEST,
                "Not initialized");

        InitializeResponse init = client.initialize(ClientInfo.of("codex_exec", "0.1.0"));
        assertThat(init.userAgent()).startsWith("codex_exec/0.1.0 (").endsWith("(codex_exec; 0.1.0)");
        assertThat(init.codexHome()).isEqualTo(h.home.path().toString());
        assertThat(init.platformFamily()).isEqualTo("unix");
        assertThat(init.platformOs()).isIn("linux", "macos");

        rejects(() -> client.initialize(ClientInfo.of("codex_exec", "0.1.0")), ErrorCodes.INVALID_REQUEST,
                "Already initialized");
    }

    @Test
    void invalidClientNamesAndUnknownMethodsAreRefused() {
        AppServerClient client = h.connect();
        rejects(() -> client.initialize(ClientInfo.of("bad\nname", "1")), ErrorCodes.INVALID_REQUEST,
                "Invalid clientInfo.name");
        client.initialize(ClientInfo.of("codex_exec", "0.1.0"));
        rejects(() -> client.request("thread/teleport", Map.of(), JsonNode.class), ErrorCodes.METHOD_NOT_FOUND,
                "method not found: thread/teleport");
        rejects(() -> client.request(Methods.TURN_START, Map.of("threadId", 5, "input", "nope"), JsonNode.class),
                ErrorCodes.INVALID_PARAMS, "TurnStartParams");
        rejects(() -> client.turnStart(prompt("01a1ff18-0000-7000-8000-000000000000", "hi")),
                ErrorCodes.INVALID_REQUEST, "thread not found: 01a1ff18-0000-7000-8000-000000000000");
    }

    @Test
    void originatorIsTheClientName() throws Exception {
        h.mock.enqueue(MockResponse.reply("hi"));
        AppServerClient client = h.connect();
        client.initialize(ClientInfo.of("my_client", "9.9"));
        String threadId = h.startThread().thread().id();
        client.turnStart(prompt(threadId, "hi"));
        untilTurnCompleted(client);
        CapturedRequest request = h.mock.modelRequests().getFirst();
        assertThat(request.header("originator")).isEqualTo("my_client");
        assertThat(request.header("user-agent")).startsWith("my_client/0.1.0 ");
    }

    @Test
    void configErrorsAndMissingCredentialsBecomeErrorsWithTheirMessage() {
        h.connectInitialized();
        rejects(() -> h.client.threadStart(ThreadStartParams.builder()
                        .config(Map.of("sandbox_mode", JsonNodeFactory.instance.stringNode("full"))).build()),
                ErrorCodes.INVALID_REQUEST, "invalid value for sandbox_mode");

        h.withoutEnv("MOCK_API_KEY").connectInitialized();
        rejects(() -> h.startThread(), ErrorCodes.INTERNAL_ERROR, "MOCK_API_KEY");
    }

    @Test
    void threadParamsOverrideTheBaseConfig() {
        h.override("model_reasoning_effort=\"low\"").connectInitialized();
        ThreadStartResponse started = h.client.threadStart(ThreadStartParams.builder()
                .model("gpt-5.4").approvalPolicy(AskForApproval.ON_REQUEST).sandbox(SandboxMode.WORKSPACE_WRITE)
                .cwd(h.workdir.toString())
                .config(Map.of("model_reasoning_effort", JsonNodeFactory.instance.stringNode("high"),
                        "sandbox_workspace_write", JsonNodeFactory.instance.objectNode()
                                .put("network_access", true).set("writable_roots",
                                        JsonNodeFactory.instance.arrayNode().add("/tmp/extra"))))
                .build());
        assertThat(started.model()).isEqualTo("gpt-5.4");
        assertThat(started.approvalPolicy()).isEqualTo(AskForApproval.ON_REQUEST);
        assertThat(started.reasoningEffort()).isEqualTo(ReasoningEffort.HIGH);
        assertThat(started.sandbox()).isEqualTo(new SandboxPolicy.WorkspaceWrite(List.of("/tmp/extra"), null, true,
                false, false));
    }

    @Test
    void turnOverridesReachTheModelRequest() throws Exception {
        h.mock.enqueue(MockResponse.reply("{\"ok\":true}"));
        h.connectInitialized();
        String threadId = h.startThread().thread().id();
        JsonNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        h.client.turnStart(TurnStartParams.builder(threadId, List.of(UserInput.Text.of("Answer as JSON."),
                        new UserInput.Image("https://example.com/cat.png")))
                .effort(ReasoningEffort.HIGH).outputSchema(schema).build());
        untilTurnCompleted(h.client);

        JsonNode body = h.mock.modelRequests().getFirst().bodyJson();
        assertThat(body.path("reasoning").path("effort").asString()).isEqualTo("high");
        assertThat(body.path("text").path("format").path("schema")).isEqualTo(schema);
        JsonNode user = body.path("input").get(body.path("input").size() - 1);
        assertThat(user.path("content").get(1).path("image_url").asString())
                .isEqualTo("https://example.com/cat.png");
    }

    @Test
    void unsupportedInputIsRefused() {
        h.connectInitialized();
        String threadId = h.startThread().thread().id();
        rejects(() -> h.client.turnStart(TurnStartParams.builder(threadId,
                List.of(new UserInput.Skill("deploy", "/skills/deploy"))).build()), ErrorCodes.INVALID_PARAMS,
                "skill input is not supported");
        rejects(() -> h.client.turnStart(TurnStartParams.builder(threadId, List.of()).build()),
                ErrorCodes.INVALID_PARAMS, "input must not be empty");
    }
}
