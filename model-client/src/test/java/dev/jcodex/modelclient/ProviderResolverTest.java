package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.config.ModelProviderInfo;
import dev.jcodex.config.WireApi;
import dev.jcodex.testkit.TempCodexHome;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderResolverTest {
    private final TempCodexHome home = TempCodexHome.create();

    @AfterEach
    void cleanUp() {
        home.close();
    }

    private AuthEnvironment env(Map<String, String> vars, CodexApiKeyPolicy policy) {
        return new AuthEnvironment(home.path(), vars, policy);
    }

    private static ModelProviderInfo custom(String envKey, String instructions, String bearer) {
        return new ModelProviderInfo("mock", "mock", "http://127.0.0.1:9/v1/", envKey, instructions, bearer,
                WireApi.RESPONSES, null, null, null, null, null, null, false, false);
    }

    @Test
    void envKeyProvidesTheBearerToken() {
        ResolvedProvider p = ProviderResolver.resolve(custom("MOCK_API_KEY", null, null),
                env(Map.of("MOCK_API_KEY", " dummy "), CodexApiKeyPolicy.IGNORE), TestSupport.HTTP);

        assertThat(p.credentials().current()).isEqualTo(new Credentials.Bearer("dummy"));
        assertThat(p.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(p.endpoint("responses")).hasToString("http://127.0.0.1:9/v1/responses");
    }

    @Test
    void missingEnvKeyFailsBeforeAnyTrafficNamingTheVariableAndInstructions() {
        assertThatThrownBy(() -> ProviderResolver.resolve(custom("MOCK_API_KEY", "Create a key at example.com.", null),
                env(Map.of("MOCK_API_KEY", "  "), CodexApiKeyPolicy.IGNORE), TestSupport.HTTP))
                .isInstanceOf(ModelClientException.MissingCredentials.class)
                .hasMessage("Missing environment variable: `MOCK_API_KEY`. Create a key at example.com.");
    }

    @Test
    void experimentalBearerTokenAndNoAuth() {
        assertThat(ProviderResolver.resolve(custom(null, null, "tok"), env(Map.of(), CodexApiKeyPolicy.IGNORE),
                TestSupport.HTTP).credentials().current()).isEqualTo(new Credentials.Bearer("tok"));
        assertThat(ProviderResolver.resolve(custom(null, null, null), env(Map.of(), CodexApiKeyPolicy.IGNORE),
                TestSupport.HTTP).credentials().current()).isEqualTo(new Credentials.None());
    }

    @Test
    void openAiUsesCodexApiKeyOnlyWhenHonoured() {
        ModelProviderInfo openai = ModelProviderInfo.openAi(null);
        Map<String, String> vars = Map.of("CODEX_API_KEY", "sk-codex");

        ResolvedProvider honoured = ProviderResolver.resolve(openai, env(vars, CodexApiKeyPolicy.HONOUR),
                TestSupport.HTTP);

        assertThat(honoured.credentials().current()).isEqualTo(new Credentials.ApiKey("sk-codex"));
        assertThat(honoured.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThatThrownBy(() -> ProviderResolver.resolve(openai, env(vars, CodexApiKeyPolicy.IGNORE),
                TestSupport.HTTP)).isInstanceOf(ModelClientException.MissingCredentials.class)
                .hasMessage(AuthManager.LOGIN_HINT).hasMessageContaining("codex login");
    }

    @Test
    void openAiReadsAuthJsonAndSwitchesToTheChatGptBackendForChatGptLogins() {
        new AuthStore(home.path()).save(AuthDotJson.apiKey("sk-stored"));
        ResolvedProvider withKey = ProviderResolver.resolve(ModelProviderInfo.openAi(null),
                env(Map.of(), CodexApiKeyPolicy.IGNORE), TestSupport.HTTP);
        assertThat(withKey.credentials().current()).isEqualTo(new Credentials.ApiKey("sk-stored"));
        assertThat(withKey.baseUrl()).isEqualTo(ProviderResolver.OPENAI_API_BASE_URL);

        new AuthStore(home.path()).save(AuthDotJson.chatGpt(new AuthDotJson.TokenData("id", "access", "refresh",
                "acct"), java.time.Instant.now()));
        ResolvedProvider chatgpt = ProviderResolver.resolve(ModelProviderInfo.openAi(null),
                env(Map.of(), CodexApiKeyPolicy.IGNORE), TestSupport.HTTP);
        ResolvedProvider overridden = ProviderResolver.resolve(ModelProviderInfo.openAi("http://127.0.0.1:1/v1"),
                env(Map.of(), CodexApiKeyPolicy.IGNORE), TestSupport.HTTP);

        assertThat(chatgpt.baseUrl()).isEqualTo(ProviderResolver.CHATGPT_BASE_URL);
        assertThat(chatgpt.credentials().current()).isEqualTo(new Credentials.ChatGpt("access", "acct"));
        assertThat(overridden.baseUrl()).isEqualTo("http://127.0.0.1:1/v1");
    }

    @Test
    void builtInsAndOssOverrides() {
        Map<String, ModelProviderInfo> defaults = ProviderResolver.builtInProviders(Map.of(), null);
        Map<String, ModelProviderInfo> port = ProviderResolver.builtInProviders(Map.of("CODEX_OSS_PORT", "8080"), null);
        Map<String, ModelProviderInfo> base = ProviderResolver.builtInProviders(
                Map.of("CODEX_OSS_BASE_URL", "http://gpu:9000/v1", "CODEX_OSS_PORT", "8080"), "http://proxy/v1");

        assertThat(defaults).containsOnlyKeys("openai", "ollama", "lmstudio");
        assertThat(defaults.get("openai").baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(defaults.get("ollama").baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(defaults.get("lmstudio").baseUrl()).isEqualTo("http://localhost:1234/v1");
        assertThat(port.get("ollama").baseUrl()).isEqualTo("http://localhost:8080/v1");
        assertThat(port.get("lmstudio").baseUrl()).isEqualTo("http://localhost:8080/v1");
        assertThat(base.get("ollama").baseUrl()).isEqualTo("http://gpu:9000/v1");
        assertThat(base.get("openai").baseUrl()).isEqualTo("http://proxy/v1");
        assertThat(ProviderResolver.resolve(defaults.get("ollama"), env(Map.of(), CodexApiKeyPolicy.IGNORE),
                TestSupport.HTTP).credentials().current()).isEqualTo(new Credentials.None());
    }

    @Test
    void azureEndpointsAreRecognisedAndStoreResponses() {
        ModelProviderInfo azure = new ModelProviderInfo("az", "az", "https://x.openai.azure.com/openai/v1", null, null,
                "t", WireApi.RESPONSES, Map.of("api-version", "preview"), null, null, null, null, null, false, false);
        ResolvedProvider p = ProviderResolver.resolve(azure, env(Map.of(), CodexApiKeyPolicy.IGNORE), TestSupport.HTTP);

        assertThat(p.isAzure()).isTrue();
        assertThat(p.endpoint("responses")).hasToString("https://x.openai.azure.com/openai/v1/responses?api-version=preview");
        assertThat(new ModelClient(p, ModelInfo.fallback("m"), TestSupport.HTTP).newRequest().build().store()).isTrue();
        assertThat(ProviderResolver.resolve(custom(null, null, "t"), env(Map.of(), CodexApiKeyPolicy.IGNORE),
                TestSupport.HTTP).isAzure()).isFalse();
    }
}
