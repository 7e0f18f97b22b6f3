package dev.jcodex.config;

import java.util.Map;

/**
 * One model provider: a built-in ({@code openai}, {@code ollama}, {@code lmstudio}) or a
 * {@code [model_providers.<id>]} table of config.toml. Optional settings are {@code null} when unset; use the
 * accessors with defaults ({@link #requestMaxRetriesOrDefault()} …) to read effective values.
 *
 * @param id the key under {@code model_providers} (e.g. {@code openai}, {@code mock})
 * @param name display name ({@code OpenAI} marks the OpenAI provider)
 * @param baseUrl API base URL, e.g. {@code https://api.openai.com/v1}; null for a user provider without
 *                {@code base_url} (the client then uses the OpenAI default of spec §3.1)
 * @param envKey environment variable holding the API key, or null
 * @param envKeyInstructions help text shown when {@code envKey} is missing
 * @param experimentalBearerToken a literal bearer token, or null
 * @param wireApi responses or chat
 * @param queryParams query parameters appended to every URL
 * @param httpHeaders static headers
 * @param envHttpHeaders header name → environment variable name (skipped when unset or blank)
 * @param requestMaxRetries HTTP-level retries (default 4, cap 100)
 * @param streamMaxRetries turn-level stream retries (default 5, cap 100)
 * @param streamIdleTimeoutMs idle SSE timeout (default 300000)
 * @param requiresOpenaiAuth whether auth.json / ChatGPT login supplies credentials
 * @param supportsWebsockets whether the provider supports Responses over WebSocket
 * @param websocketConnectTimeoutMs WebSocket connect timeout (default 15000), or null
 * @param auth command that prints a bearer token ({@code [model_providers.<id>.auth]}), or null
 */
public record ModelProviderInfo(
        String id,
        String name,
        String baseUrl,
        String envKey,
        String envKeyInstructions,
        String experimentalBearerToken,
        WireApi wireApi,
        Map<String, String> queryParams,
        Map<String, String> httpHeaders,
        Map<String, String> envHttpHeaders,
        Integer requestMaxRetries,
        Integer streamMaxRetries,
        Long streamIdleTimeoutMs,
        boolean requiresOpenaiAuth,
        boolean supportsWebsockets,
        Long websocketConnectTimeoutMs,
        ProviderAuthCommand auth) {

    public static final int DEFAULT_REQUEST_MAX_RETRIES = 4;
    public static final int DEFAULT_STREAM_MAX_RETRIES = 5;
    public static final long DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;
    public static final long DEFAULT_WEBSOCKET_CONNECT_TIMEOUT_MS = 15_000;
    private static final int MAX_RETRIES_CAP = 100;

    public ModelProviderInfo {
        wireApi = wireApi == null ? WireApi.RESPONSES : wireApi;
        queryParams = queryParams == null ? Map.of() : Map.copyOf(queryParams);
        httpHeaders = httpHeaders == null ? Map.of() : Map.copyOf(httpHeaders);
        envHttpHeaders = envHttpHeaders == null ? Map.of() : Map.copyOf(envHttpHeaders);
    }

    /** The original 15-component form (no WebSocket connect timeout, no auth command). */
    public ModelProviderInfo(String id, String name, String baseUrl, String envKey, String envKeyInstructions,
            String experimentalBearerToken, WireApi wireApi, Map<String, String> queryParams,
            Map<String, String> httpHeaders, Map<String, String> envHttpHeaders, Integer requestMaxRetries,
            Integer streamMaxRetries, Long streamIdleTimeoutMs, boolean requiresOpenaiAuth,
            boolean supportsWebsockets) {
        this(id, name, baseUrl, envKey, envKeyInstructions, experimentalBearerToken, wireApi, queryParams,
                httpHeaders, envHttpHeaders, requestMaxRetries, streamMaxRetries, streamIdleTimeoutMs,
                requiresOpenaiAuth, supportsWebsockets, null, null);
    }

    /** Effective WebSocket connect timeout. */
    public long websocketConnectTimeoutMsOrDefault() {
        return websocketConnectTimeoutMs == null ? DEFAULT_WEBSOCKET_CONNECT_TIMEOUT_MS : websocketConnectTimeoutMs;
    }

    /** Effective HTTP retry budget. */
    public int requestMaxRetriesOrDefault() {
        return Math.min(requestMaxRetries == null ? DEFAULT_REQUEST_MAX_RETRIES : requestMaxRetries, MAX_RETRIES_CAP);
    }

    /** Effective stream retry budget. */
    public int streamMaxRetriesOrDefault() {
        return Math.min(streamMaxRetries == null ? DEFAULT_STREAM_MAX_RETRIES : streamMaxRetries, MAX_RETRIES_CAP);
    }

    /** Effective idle timeout. */
    public long streamIdleTimeoutMsOrDefault() {
        return streamIdleTimeoutMs == null ? DEFAULT_STREAM_IDLE_TIMEOUT_MS : streamIdleTimeoutMs;
    }

    /** Whether this is the OpenAI provider (by name, as the reference decides). */
    public boolean isOpenAi() {
        return "OpenAI".equals(name);
    }

    /** The built-in OpenAI provider, with {@code openai_base_url} applied when non-null. */
    public static ModelProviderInfo openAi(String baseUrlOverride) {
        return new ModelProviderInfo("openai", "OpenAI",
                baseUrlOverride != null ? baseUrlOverride : "https://api.openai.com/v1", null, null, null,
                WireApi.RESPONSES, null, null, null, null, null, null, true, true);
    }

    /** A built-in local open-source provider ({@code ollama} or {@code lmstudio}) at {@code baseUrl}. */
    public static ModelProviderInfo localOss(String id, String baseUrl) {
        return new ModelProviderInfo(id, "gpt-oss", baseUrl, null, null, null, WireApi.RESPONSES, null, null, null,
                null, null, null, false, false);
    }
}
