package dev.jcodex.modelclient;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where credentials come from: CODEX_HOME (for {@code auth.json}), the environment (provider {@code env_key},
 * {@code env_http_headers}, {@code OPENAI_ORGANIZATION}/{@code OPENAI_PROJECT}, {@code CODEX_API_KEY},
 * {@code CODEX_REFRESH_TOKEN_URL_OVERRIDE}) and whether {@code CODEX_API_KEY} is honoured.
 *
 * @param codexHome the CODEX_HOME directory
 * @param env environment variables (pass {@code System.getenv()} in production, a map in tests)
 * @param codexApiKey whether {@code CODEX_API_KEY} is honoured
 */
public record AuthEnvironment(Path codexHome, Map<String, String> env, CodexApiKeyPolicy codexApiKey) {

    /** Default token refresh endpoint. */
    public static final String DEFAULT_REFRESH_TOKEN_URL = "https://auth.openai.com/oauth/token";

    public AuthEnvironment {
        Objects.requireNonNull(codexHome, "codexHome");
        env = Map.copyOf(env);
        Objects.requireNonNull(codexApiKey, "codexApiKey");
    }

    /** The process environment. */
    public static AuthEnvironment system(Path codexHome, CodexApiKeyPolicy codexApiKey) {
        return new AuthEnvironment(codexHome, System.getenv(), codexApiKey);
    }

    /** A non-blank environment value, trimmed, or null. */
    public String envValue(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The refresh-token endpoint ({@code CODEX_REFRESH_TOKEN_URL_OVERRIDE} or the default). */
    public String refreshTokenUrl() {
        String override = envValue("CODEX_REFRESH_TOKEN_URL_OVERRIDE");
        return override != null ? override : DEFAULT_REFRESH_TOKEN_URL;
    }
}
