package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.config.ModelProviderInfo;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.testkit.MockResponse;
import dev.jcodex.testkit.MockResponsesServer;
import dev.jcodex.testkit.TempCodexHome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthManagerTest {
    private final TempCodexHome home = TempCodexHome.create();
    private final MockIssuer issuer = new MockIssuer(0);
    private final AuthStore store = new AuthStore(home.path());

    @AfterEach
    void cleanUp() {
        issuer.close();
        home.close();
    }

    private AuthEnvironment env() {
        return new AuthEnvironment(home.path(), Map.of("CODEX_REFRESH_TOKEN_URL_OVERRIDE", issuer.url() + "/oauth/token"),
                CodexApiKeyPolicy.IGNORE);
    }

    private void storeTokens(String accessToken, Instant lastRefresh) {
        store.save(AuthDotJson.chatGpt(new AuthDotJson.TokenData(issuer.idToken, accessToken, "refresh-1", "acct-1"),
                lastRefresh));
    }

    @Test
    void freshTokensAreUsedWithoutRefreshing() {
        storeTokens(issuer.accessToken, Instant.now());

        Credentials c = AuthManager.create(env(), TestSupport.HTTP).current();

        assertThat(c).isEqualTo(new Credentials.ChatGpt(issuer.accessToken, "acct-1"));
        assertThat(issuer.requests()).isEmpty();
    }

    @Test
    void expiringAccessTokensAreRefreshedAndStored() {
        storeTokens(MockIssuer.jwt("{\"exp\":" + Instant.now().plusSeconds(60).getEpochSecond() + "}"), Instant.now());

        Credentials c = AuthManager.create(env(), TestSupport.HTTP).current();

        assertThat(c).isEqualTo(new Credentials.ChatGpt(issuer.refreshedAccessToken, "acct-1"));
        assertThat(issuer.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/oauth/token");
            assertThat(ProtocolJson.tree(r.body())).isEqualTo(ProtocolJson.tree("{\"client_id\":\""
                    + AuthManager.CLIENT_ID + "\",\"grant_type\":\"refresh_token\",\"refresh_token\":\"refresh-1\","
                    + "\"scope\":\"openid profile email\"}"));
        });
        AuthDotJson saved = store.load().orElseThrow();
        assertThat(saved.tokens()).isEqualTo(new AuthDotJson.TokenData(issuer.idToken, issuer.refreshedAccessToken,
                "refresh-2", "acct-1"));
        assertThat(saved.lastRefresh()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void staleLastRefreshTriggersARefresh() {
        storeTokens(issuer.accessToken, Instant.now().minus(Duration.ofDays(9)));

        AuthManager.create(env(), TestSupport.HTTP).current();

        assertThat(issuer.requests()).hasSize(1);
    }

    @Test
    void rejectedRefreshAsksTheUserToSignInAgain() {
        storeTokens(issuer.accessToken, Instant.now().minus(Duration.ofDays(9)));
        issuer.refreshStatus = 401;

        assertThatThrownBy(() -> AuthManager.create(env(), TestSupport.HTTP).current())
                .isInstanceOf(ModelClientException.AuthFailed.class).hasMessageContaining("sign in again");
    }

    @Test
    void apiKeyFromAuthJsonAndMissingLogin() {
        AuthManager manager = AuthManager.create(env(), TestSupport.HTTP);
        assertThatThrownBy(manager::current).isInstanceOf(ModelClientException.MissingCredentials.class)
                .hasMessage(AuthManager.LOGIN_HINT);
        assertThat(manager.hasStoredCredentials()).isFalse();

        store.save(AuthDotJson.apiKey("sk-x"));

        assertThat(manager.current()).isEqualTo(new Credentials.ApiKey("sk-x"));
        assertThat(manager.recoverFromUnauthorized()).isFalse();
    }

    @Test
    void a401RefreshesTheTokenOnceAndRetriesTheRequest() {
        storeTokens(issuer.accessToken, Instant.now());
        try (MockResponsesServer mock = MockResponsesServer.start()) {
            mock.enqueue(MockResponse.httpError(401), MockResponse.reply("hello again"));
            ResolvedProvider provider = ProviderResolver.resolve(ModelProviderInfo.openAi(mock.baseUrl()), env(),
                    TestSupport.HTTP);
            ModelClient client = new ModelClient(provider, ModelCatalog.bundled().find("gpt-5.5"), TestSupport.HTTP);

            List<ResponseEvent> events = TestSupport.drain(client.stream(TestSupport.request(client),
                    TestSupport.context()));

            assertThat(events.getLast()).isInstanceOf(ResponseEvent.Completed.class);
            assertThat(mock.requests()).extracting(r -> r.header("authorization")).containsExactly(
                    "Bearer " + issuer.accessToken, "Bearer " + issuer.refreshedAccessToken);
            assertThat(mock.requests()).allSatisfy(r -> assertThat(r.header("chatgpt-account-id")).isEqualTo("acct-1"));
        }
    }
}
