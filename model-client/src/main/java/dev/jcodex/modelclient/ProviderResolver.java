package dev.jcodex.modelclient;

import dev.jcodex.config.ModelProviderInfo;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resolves a {@link ModelProviderInfo} into a {@link ResolvedProvider} (spec §3.8): base URL and credentials.
 *
 * <p>Credentials, first match wins: the provider's {@code env_key} (unset or blank → {@code MissingCredentials}
 * "Missing environment variable: `X`." plus {@code env_key_instructions}); {@code experimental_bearer_token};
 * for {@code requires_openai_auth} providers, {@code CODEX_API_KEY} (only with
 * {@link CodexApiKeyPolicy#HONOUR}) then {@code $CODEX_HOME/auth.json} (nothing there → {@code MissingCredentials}
 * with login instructions); otherwise no {@code Authorization} header. All checks happen here, before any
 * network traffic.
 */
public final class ProviderResolver {
    /** Base URL of the OpenAI API. */
    public static final String OPENAI_API_BASE_URL = "https://api.openai.com/v1";
    /** Base URL used for the OpenAI provider with ChatGPT login. */
    public static final String CHATGPT_BASE_URL = "https://chatgpt.com/backend-api/codex";
    private static final int OLLAMA_PORT = 11434;
    private static final int LMSTUDIO_PORT = 1234;

    private ProviderResolver() {}

    /**
     * The built-in providers {@code openai}, {@code ollama} ({@code http://localhost:11434/v1}) and
     * {@code lmstudio} ({@code http://localhost:1234/v1}); {@code CODEX_OSS_PORT} / {@code CODEX_OSS_BASE_URL}
     * override the local URL; a non-null {@code openaiBaseUrl} ({@code openai_base_url}) replaces OpenAI's.
     */
    public static Map<String, ModelProviderInfo> builtInProviders(Map<String, String> env, String openaiBaseUrl) {
        Map<String, ModelProviderInfo> out = new LinkedHashMap<>();
        out.put("openai", ModelProviderInfo.openAi(openaiBaseUrl));
        out.put("ollama", ModelProviderInfo.localOss("ollama", ossBaseUrl(env, OLLAMA_PORT)));
        out.put("lmstudio", ModelProviderInfo.localOss("lmstudio", ossBaseUrl(env, LMSTUDIO_PORT)));
        return out;
    }

    static String ossBaseUrl(Map<String, String> env, int defaultPort) {
        String base = env.get("CODEX_OSS_BASE_URL");
        if (base != null && !base.isBlank()) {
            return base.trim();
        }
        int port = defaultPort;
        String p = env.get("CODEX_OSS_PORT");
        if (p != null && !p.isBlank()) {
            try {
                port = Integer.parseInt(p.trim());
            } catch (NumberFormatException ignored) {
                port = defaultPort;
            }
        }
        return "http://localhost:" + port + "/v1";
    }

    /**
     * Resolves {@code info}. {@code http} is used later for ChatGPT token refreshes only.
     *
     * @throws ModelClientException.MissingCredentials when required credentials are absent
     */
    public static ResolvedProvider resolve(ModelProviderInfo info, AuthEnvironment auth, HttpClient http) {
        CredentialSource credentials;
        boolean chatGptLogin = false;
        if (info.envKey() != null && !info.envKey().isBlank()) {
            String value = auth.envValue(info.envKey());
            if (value == null) {
                throw new ModelClientException.MissingCredentials(missingEnvMessage(info));
            }
            credentials = CredentialSource.fixed(new Credentials.Bearer(value));
        } else if (info.experimentalBearerToken() != null && !info.experimentalBearerToken().isBlank()) {
            credentials = CredentialSource.fixed(new Credentials.Bearer(info.experimentalBearerToken()));
        } else if (info.requiresOpenaiAuth()) {
            String codexKey = auth.codexApiKey() == CodexApiKeyPolicy.HONOUR ? auth.envValue("CODEX_API_KEY") : null;
            if (codexKey != null) {
                credentials = CredentialSource.fixed(new Credentials.ApiKey(codexKey));
            } else {
                AuthManager manager = AuthManager.create(auth, http);
                AuthMode mode = manager.storedMode();
                if (mode == null) {
                    throw new ModelClientException.MissingCredentials(AuthManager.LOGIN_HINT);
                }
                chatGptLogin = mode == AuthMode.CHATGPT;
                credentials = manager;
            }
        } else {
            credentials = CredentialSource.fixed(new Credentials.None());
        }
        String baseUrl = info.baseUrl() == null ? OPENAI_API_BASE_URL : info.baseUrl();
        if (chatGptLogin && info.isOpenAi() && stripSlash(baseUrl).equals(OPENAI_API_BASE_URL)) {
            baseUrl = CHATGPT_BASE_URL;
        }
        return new ResolvedProvider(info, baseUrl, credentials, staticHeaders(info, auth));
    }

    /** "Missing environment variable: `X`." followed by the provider's {@code env_key_instructions}. */
    static String missingEnvMessage(ModelProviderInfo info) {
        String message = "Missing environment variable: `" + info.envKey() + "`.";
        if (info.envKeyInstructions() != null && !info.envKeyInstructions().isBlank()) {
            message += " " + info.envKeyInstructions();
        }
        return message;
    }

    private static Map<String, String> staticHeaders(ModelProviderInfo info, AuthEnvironment auth) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (info.isOpenAi()) {
            String org = auth.envValue("OPENAI_ORGANIZATION");
            String project = auth.envValue("OPENAI_PROJECT");
            if (org != null) {
                headers.put("OpenAI-Organization", org);
            }
            if (project != null) {
                headers.put("OpenAI-Project", project);
            }
        }
        headers.putAll(info.httpHeaders());
        info.envHttpHeaders().forEach((header, variable) -> {
            String value = auth.envValue(variable);
            if (value != null) {
                headers.put(header, value);
            }
        });
        return headers;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
