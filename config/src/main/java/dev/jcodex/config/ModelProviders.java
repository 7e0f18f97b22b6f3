package dev.jcodex.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Built-in providers plus {@code [model_providers.<id>]} tables (spec §3.8); unknown fields are rejected. */
final class ModelProviders {

    static final String OPENAI = "openai";
    static final String OLLAMA = "ollama";
    static final String LMSTUDIO = "lmstudio";
    static final int DEFAULT_OLLAMA_PORT = 11434;
    static final int DEFAULT_LMSTUDIO_PORT = 1234;

    private static final Set<String> FIELDS = Set.of("name", "base_url", "env_key", "env_key_instructions",
            "experimental_bearer_token", "auth", "aws", "wire_api", "query_params", "http_headers",
            "env_http_headers", "request_max_retries", "stream_max_retries", "stream_idle_timeout_ms",
            "websocket_connect_timeout_ms", "requires_openai_auth", "supports_websockets");
    private static final Set<String> AUTH_FIELDS = Set.of("command", "args", "timeout_ms", "refresh_interval_ms",
            "cwd");

    private final Map<String, ModelProviderInfo> providers;

    private ModelProviders(Map<String, ModelProviderInfo> providers) {
        this.providers = providers;
    }

    static boolean isOssProvider(String id) {
        return id.equals(OLLAMA) || id.equals(LMSTUDIO);
    }

    Map<String, ModelProviderInfo> all() {
        return providers;
    }

    static ModelProviders parse(TableReader root, ParseContext ctx) {
        Map<String, ModelProviderInfo> result = new LinkedHashMap<>();
        result.put(OPENAI, ModelProviderInfo.openAi(root.string("openai_base_url")));
        result.put(OLLAMA, ModelProviderInfo.localOss(OLLAMA, ossBaseUrl(ctx.env(), DEFAULT_OLLAMA_PORT)));
        result.put(LMSTUDIO, ModelProviderInfo.localOss(LMSTUDIO, ossBaseUrl(ctx.env(), DEFAULT_LMSTUDIO_PORT)));
        TableReader table = root.table("model_providers");
        if (table != null) {
            for (String id : table.keys()) {
                ModelProviderInfo provider = parseOne(table, id);
                if (result.containsKey(id)) {
                    ctx.warn(table.originOf(id).describe() + ": [model_providers." + id + "] is ignored: built-in"
                            + " provider ids cannot be replaced" + (id.equals(OPENAI) ? " (use openai_base_url)" : ""));
                } else {
                    result.put(id, provider);
                }
            }
        }
        return new ModelProviders(result);
    }

    /**
     * The provider {@code id}.
     *
     * @throws ConfigException when the id is unknown, naming it and the known ids
     */
    ModelProviderInfo select(String id, Origin origin) {
        ModelProviderInfo provider = providers.get(id);
        if (provider != null) {
            return provider;
        }
        if (id.equals("ollama-chat")) {
            throw ConfigException.at(origin, "The 'ollama-chat' provider has been removed. Use 'ollama' instead.");
        }
        throw ConfigException.at(origin, "model provider `" + id + "` not found; known providers: "
                + String.join(", ", new TreeSet<>(providers.keySet())));
    }

    private static String ossBaseUrl(Map<String, String> env, int defaultPort) {
        String base = env.get("CODEX_OSS_BASE_URL");
        if (base != null && !base.isBlank()) {
            return base.trim();
        }
        String port = env.get("CODEX_OSS_PORT");
        int effective = defaultPort;
        if (port != null && !port.isBlank()) {
            try {
                effective = Integer.parseInt(port.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("CODEX_OSS_PORT must be a port number, got \"" + port + "\"");
            }
        }
        return "http://localhost:" + effective + "/v1";
    }

    private static ModelProviderInfo parseOne(TableReader providers, String id) {
        TableReader p = providers.table(id);
        for (String key : p.keys()) {
            if (!FIELDS.contains(key)) {
                throw p.error(key, "unknown field `" + key + "` in model provider `" + id + "`; expected one of "
                        + String.join(", ", new TreeSet<>(FIELDS)));
            }
        }
        if (p.has("aws")) {
            throw p.error("aws", "Amazon Bedrock SigV4 auth is not supported by jcodex");
        }
        ProviderAuthCommand auth = parseAuth(p);
        boolean requiresOpenaiAuth = p.bool("requires_openai_auth", false);
        if (auth != null) {
            for (String conflicting : List.of("env_key", "experimental_bearer_token")) {
                if (p.has(conflicting)) {
                    throw p.error("auth", "cannot be combined with `" + conflicting + "`");
                }
            }
            if (requiresOpenaiAuth) {
                throw p.error("auth", "cannot be combined with `requires_openai_auth = true`");
            }
        }
        WireApi wireApi = p.has("wire_api") ? p.enumValue("wire_api", WireApi.class) : WireApi.RESPONSES;
        return new ModelProviderInfo(id, p.string("name", id), p.string("base_url"), p.string("env_key"),
                p.string("env_key_instructions"), p.string("experimental_bearer_token"), wireApi,
                p.stringMap("query_params"), p.stringMap("http_headers"), p.stringMap("env_http_headers"),
                intOrNull(p, "request_max_retries"), intOrNull(p, "stream_max_retries"),
                p.nonNegative("stream_idle_timeout_ms"), requiresOpenaiAuth, p.bool("supports_websockets", false),
                p.nonNegative("websocket_connect_timeout_ms"), auth);
    }

    private static ProviderAuthCommand parseAuth(TableReader provider) {
        TableReader auth = provider.table("auth");
        if (auth == null) {
            return null;
        }
        for (String key : auth.keys()) {
            if (!AUTH_FIELDS.contains(key)) {
                throw auth.error(key, "unknown field `" + key + "`; expected one of "
                        + String.join(", ", new TreeSet<>(AUTH_FIELDS)));
            }
        }
        String command = auth.string("command");
        if (command == null || command.isBlank()) {
            throw auth.error("command", "must be a non-empty string");
        }
        Long timeout = auth.integer("timeout_ms");
        if (timeout != null && timeout <= 0) {
            throw auth.invalidValue("timeout_ms", "a positive integer");
        }
        Long refresh = auth.nonNegative("refresh_interval_ms");
        Path cwd = auth.path("cwd");
        return new ProviderAuthCommand(command, auth.stringList("args"),
                timeout == null ? ProviderAuthCommand.DEFAULT_TIMEOUT_MS : timeout,
                refresh == null ? ProviderAuthCommand.DEFAULT_REFRESH_INTERVAL_MS : refresh,
                cwd != null ? cwd : auth.origin().baseDir());
    }

    private static Integer intOrNull(TableReader p, String key) {
        Long value = p.nonNegative(key);
        if (value == null) {
            return null;
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }
}
