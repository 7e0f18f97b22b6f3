package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.config.ModelProviderInfo;
import dev.jcodex.config.WireApi;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponse;
import dev.jcodex.testkit.MockResponsesServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Headers on the wire compared with the reference captures (spec §3.4). */
class RequestHeadersTest {
    /** Added by the HTTP transport itself, not by the client; the capture tool left them out. */
    private static final Set<String> TRANSPORT = Set.of("host", "content-length", "connection");

    private final MockResponsesServer mock = MockResponsesServer.start();

    @AfterEach
    void stop() {
        mock.close();
    }

    private static Map<String, String> capture(String name) {
        JsonNode json = ProtocolJson.tree(TestSupport.resource(name));
        Map<String, String> out = new LinkedHashMap<>();
        json.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private static RequestContext contextLike(Map<String, String> captured) {
        String thread = captured.get("thread-id");
        return new RequestContext(thread, "turn", TestSupport.USER_AGENT, 0, captured.get("x-codex-turn-metadata"),
                List.of("remote_compaction_v2"), Map.of(), null);
    }

    private Map<String, String> sentHeaders(ModelClient client, RequestContext ctx) {
        mock.enqueue(MockResponse.reply("ok"));
        TestSupport.drain(client.stream(TestSupport.request(client), ctx));
        CapturedRequest request = mock.awaitRequests(1, Duration.ofSeconds(5)).getFirst();
        Map<String, String> sent = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> {
            if (!TRANSPORT.contains(k)) {
                sent.put(k, v.getFirst());
            }
        });
        return sent;
    }

    @Test
    void customProviderHeadersEqualTheCapture() {
        Map<String, String> captured = capture("golden/capture-b_shell_echo-last-headers.json");
        ModelClient client = TestSupport.client(mock.baseUrl());

        assertThat(sentHeaders(client, contextLike(captured))).isEqualTo(captured);
    }

    @Test
    void openAiProviderAddsVersionAndOrganisationHeaders() {
        Map<String, String> captured = capture("golden/capture-a2-openai-provider-headers.json");
        ModelProviderInfo openai = ModelProviderInfo.openAi(mock.baseUrl());
        ResolvedProvider provider = ProviderResolver.resolve(openai, new AuthEnvironment(java.nio.file.Path.of("/nonexistent"),
                Map.of("CODEX_API_KEY", "dummy", "OPENAI_ORGANIZATION", "org-1", "OPENAI_PROJECT", " "),
                CodexApiKeyPolicy.HONOUR), TestSupport.HTTP);
        ModelClient client = new ModelClient(provider, ModelCatalog.bundled().find("gpt-5.5"), TestSupport.HTTP);

        Map<String, String> sent = sentHeaders(client, contextLike(captured));

        Map<String, String> expected = new LinkedHashMap<>(captured);
        expected.put("openai-organization", "org-1");
        assertThat(sent).isEqualTo(expected);
    }

    @Test
    void providerHeadersQueryParamsTurnStateAndExtras() {
        ModelProviderInfo info = new ModelProviderInfo("p", "p", mock.baseUrl(), null, null, null, WireApi.RESPONSES,
                Map.of("api-version", "2025-04-01"), Map.of("X-Static", "s"), Map.of("X-From-Env", "MY_VAR"),
                0, 0, 10_000L, false, false);
        ResolvedProvider provider = ProviderResolver.resolve(info, new AuthEnvironment(java.nio.file.Path.of("/x"),
                Map.of("MY_VAR", "from-env"), CodexApiKeyPolicy.IGNORE), TestSupport.HTTP);
        ModelClient client = new ModelClient(provider, ModelCatalog.bundled().find("gpt-5.5"), TestSupport.HTTP);
        RequestContext ctx = RequestContext.of("t-1", TestSupport.USER_AGENT).withWindowGeneration(3)
                .withTurnState("sticky").withHeader("x-openai-subagent", "review");

        Map<String, String> sent = sentHeaders(client, ctx);

        assertThat(sent).doesNotContainKeys("authorization", "x-codex-beta-features", "x-codex-turn-metadata",
                "version");
        assertThat(sent).containsEntry("x-static", "s").containsEntry("x-from-env", "from-env")
                .containsEntry("x-codex-window-id", "t-1:3").containsEntry("x-codex-turn-state", "sticky")
                .containsEntry("x-openai-subagent", "review");
        assertThat(mock.requests().getFirst().query()).isEqualTo("api-version=2025-04-01");
    }

    @Test
    void chatGptCredentialsAddTheAccountHeader() {
        ResolvedProvider provider = new ResolvedProvider(TestSupport.provider(mock.baseUrl(), WireApi.RESPONSES, 0,
                10_000), mock.baseUrl(), CredentialSource.fixed(new Credentials.ChatGpt("access-1", "acct-9")), Map.of());
        ModelClient client = new ModelClient(provider, ModelCatalog.bundled().find("gpt-5.5"), TestSupport.HTTP);

        Map<String, String> sent = sentHeaders(client, TestSupport.context());

        assertThat(sent).containsEntry("authorization", "Bearer access-1").containsEntry("chatgpt-account-id", "acct-9");
    }
}
