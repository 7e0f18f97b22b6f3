package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The content of {@code $CODEX_HOME/auth.json}. {@code OPENAI_API_KEY} is always written (null when absent), the
 * other members are omitted when null; unknown members are tolerated on read.
 *
 * @param authMode how the user logged in, or null (older files)
 * @param openaiApiKey the API key, or null
 * @param tokens ChatGPT tokens, or null
 * @param lastRefresh when the tokens were last refreshed, or null
 */
public record AuthDotJson(
        @JsonProperty("auth_mode") AuthMode authMode,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("OPENAI_API_KEY") String openaiApiKey,
        @JsonProperty("tokens") TokenData tokens,
        @JsonProperty("last_refresh") Instant lastRefresh) {

    /**
     * ChatGPT OAuth tokens.
     *
     * @param idToken the OpenID id token (a JWT)
     * @param accessToken the bearer token for model requests (a JWT)
     * @param refreshToken the refresh token
     * @param accountId the ChatGPT account id (from the id token), or null
     */
    public record TokenData(@JsonProperty("id_token") String idToken,
                            @JsonProperty("access_token") String accessToken,
                            @JsonProperty("refresh_token") String refreshToken,
                            @JsonProperty("account_id") String accountId) {
        @Override
        public String toString() {
            return "TokenData[account=" + accountId + "]";
        }
    }

    /** An API-key login. */
    public static AuthDotJson apiKey(String key) {
        return new AuthDotJson(AuthMode.API_KEY, key, null, null);
    }

    /** A ChatGPT login refreshed at {@code refreshedAt}. */
    public static AuthDotJson chatGpt(TokenData tokens, Instant refreshedAt) {
        return new AuthDotJson(AuthMode.CHATGPT, null, tokens, refreshedAt);
    }

    /** The effective mode: {@code auth_mode}, else ChatGPT when tokens are present, else API key. */
    public AuthMode effectiveMode() {
        if (authMode != null) {
            return authMode;
        }
        return tokens != null ? AuthMode.CHATGPT : AuthMode.API_KEY;
    }

    @Override
    public String toString() {
        return "AuthDotJson[mode=" + authMode + ", apiKey=" + (openaiApiKey == null ? null : "***") + ", tokens="
                + tokens + ", lastRefresh=" + lastRefresh + "]";
    }
}
