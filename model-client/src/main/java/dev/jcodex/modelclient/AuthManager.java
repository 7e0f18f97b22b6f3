package dev.jcodex.modelclient;

import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credentials from {@code $CODEX_HOME/auth.json} (API key or ChatGPT tokens). ChatGPT access tokens are
 * refreshed through the refresh-token endpoint ({@code CODEX_REFRESH_TOKEN_URL_OVERRIDE} or
 * {@code https://auth.openai.com/oauth/token}) when they expire within five minutes, when the last refresh is
 * more than eight days old, and once after an HTTP 401. Thread-safe.
 */
public final class AuthManager implements CredentialSource {
    /** The OAuth client id of the Codex CLI. */
    public static final String CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";
    /** Message for a missing login, shown before any network traffic. */
    public static final String LOGIN_HINT = "Not logged in. Run `codex login` to sign in with ChatGPT, or "
            + "`printenv OPENAI_API_KEY | codex login --with-api-key` to use an API key.";

    private static final System.Logger LOG = System.getLogger(AuthManager.class.getName());
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);
    private static final Duration REFRESH_INTERVAL = Duration.ofDays(8);

    private final AuthStore store;
    private final HttpClient http;
    private final URI refreshUrl;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    AuthManager(AuthStore store, HttpClient http, URI refreshUrl, Clock clock) {
        this.store = store;
        this.http = http;
        this.refreshUrl = refreshUrl;
        this.clock = clock;
    }

    /** A manager for {@code auth.codexHome()} using {@code http} for token refreshes. */
    public static AuthManager create(AuthEnvironment auth, HttpClient http) {
        return new AuthManager(new AuthStore(auth.codexHome()), http, URI.create(auth.refreshTokenUrl()),
                Clock.systemUTC());
    }

    /** Whether auth.json holds usable credentials (no network). */
    public boolean hasStoredCredentials() {
        return store.load().map(a -> a.openaiApiKey() != null || a.tokens() != null).orElse(false);
    }

    /** The stored mode, without refreshing (null when not logged in). */
    public AuthMode storedMode() {
        return store.load().filter(a -> a.openaiApiKey() != null || a.tokens() != null)
                .map(AuthDotJson::effectiveMode).orElse(null);
    }

    @Override
    public Credentials current() {
        lock.lock();
        try {
            AuthDotJson auth = store.load().orElseThrow(() -> new ModelClientException.MissingCredentials(LOGIN_HINT));
            if (auth.effectiveMode() == AuthMode.API_KEY || auth.tokens() == null) {
                if (auth.openaiApiKey() == null || auth.openaiApiKey().isBlank()) {
                    throw new ModelClientException.MissingCredentials(LOGIN_HINT);
                }
                return new Credentials.ApiKey(auth.openaiApiKey());
            }
            if (needsRefresh(auth)) {
                auth = refresh(auth);
            }
            return chatGpt(auth);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean recoverFromUnauthorized() {
        lock.lock();
        try {
            AuthDotJson auth = store.load().orElse(null);
            if (auth == null || auth.tokens() == null || auth.effectiveMode() != AuthMode.CHATGPT) {
                return false;
            }
            refresh(auth);
            return true;
        } catch (ModelClientException e) {
            LOG.log(System.Logger.Level.WARNING, "token refresh after 401 failed: {0}", e.getMessage());
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Refreshes the ChatGPT tokens now and stores them. */
    public Credentials refreshNow() {
        lock.lock();
        try {
            AuthDotJson auth = store.load().orElseThrow(() -> new ModelClientException.MissingCredentials(LOGIN_HINT));
            if (auth.tokens() == null) {
                throw new ModelClientException.AuthFailed("no ChatGPT tokens to refresh", null);
            }
            return chatGpt(refresh(auth));
        } finally {
            lock.unlock();
        }
    }

    private static Credentials chatGpt(AuthDotJson auth) {
        AuthDotJson.TokenData t = auth.tokens();
        String account = t.accountId() != null ? t.accountId() : Jwt.accountId(t.idToken());
        return new Credentials.ChatGpt(t.accessToken(), account);
    }

    private boolean needsRefresh(AuthDotJson auth) {
        Instant now = clock.instant();
        Instant expiry = Jwt.expiry(auth.tokens().accessToken());
        if (expiry != null && !expiry.isAfter(now.plus(EXPIRY_MARGIN))) {
            return true;
        }
        return auth.lastRefresh() == null || auth.lastRefresh().isBefore(now.minus(REFRESH_INTERVAL));
    }

    private AuthDotJson refresh(AuthDotJson auth) {
        AuthDotJson.TokenData old = auth.tokens();
        ObjectNode body = ProtocolJson.mapper().createObjectNode().put("client_id", CLIENT_ID)
                .put("grant_type", "refresh_token").put("refresh_token", old.refreshToken())
                .put("scope", "openid profile email");
        HttpRequest request = HttpRequest.newBuilder(refreshUrl).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProtocolJson.write(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ModelClientException.AuthFailed("Failed to refresh token: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelClientException.AuthFailed("token refresh interrupted", e);
        }
        if (response.statusCode() == 401) {
            throw new ModelClientException.AuthFailed("Your access token could not be refreshed. Please log out "
                    + "and sign in again.", null);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ModelClientException.AuthFailed("Failed to refresh token: "
                    + HttpStatusText.of(response.statusCode()), null);
        }
        JsonNode json;
        try {
            json = ProtocolJson.tree(response.body());
        } catch (JacksonException e) {
            throw new ModelClientException.AuthFailed("Failed to refresh token: unreadable response", e);
        }
        String idToken = orElse(JsonFields.text(json, "id_token"), old.idToken());
        String accountId = Objects.equals(idToken, old.idToken()) ? old.accountId() : Jwt.accountId(idToken);
        AuthDotJson.TokenData tokens = new AuthDotJson.TokenData(idToken,
                orElse(JsonFields.text(json, "access_token"), old.accessToken()),
                orElse(JsonFields.text(json, "refresh_token"), old.refreshToken()),
                accountId != null ? accountId : old.accountId());
        AuthDotJson updated = new AuthDotJson(auth.authMode(), auth.openaiApiKey(), tokens, clock.instant());
        store.save(updated);
        LOG.log(System.Logger.Level.DEBUG, "refreshed ChatGPT tokens");
        return updated;
    }

    private static String orElse(String value, String fallback) {
        return value != null && !value.isEmpty() ? value : fallback;
    }
}
