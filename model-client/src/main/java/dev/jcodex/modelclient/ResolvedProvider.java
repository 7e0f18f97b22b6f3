package dev.jcodex.modelclient;

import dev.jcodex.config.ModelProviderInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model provider ready for requests: its config, the effective base URL, where credentials come from and the
 * static headers resolved from config and environment ({@code http_headers}, {@code env_http_headers},
 * {@code OpenAI-Organization}/{@code OpenAI-Project}). Made by {@link ProviderResolver#resolve}.
 *
 * @param info the provider config
 * @param baseUrl the effective base URL (no trailing slash)
 * @param credentials the credential source
 * @param staticHeaders headers sent with every request
 */
public record ResolvedProvider(ModelProviderInfo info, String baseUrl, CredentialSource credentials,
                               Map<String, String> staticHeaders) {

    private static final List<String> AZURE_MARKERS = List.of("openai.azure.", "cognitiveservices.azure.",
            "aoai.azure.", "azure-api.", "azurefd.", "windows.net/openai");

    public ResolvedProvider {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(credentials, "credentials");
        baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        staticHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(staticHeaders));
    }

    /** {@code {base_url}/<path>} plus the provider's {@code query_params}. */
    public URI endpoint(String path) {
        StringBuilder url = new StringBuilder(baseUrl).append('/').append(path);
        if (!info.queryParams().isEmpty()) {
            url.append(baseUrl.contains("?") ? '&' : '?');
            boolean first = true;
            for (Map.Entry<String, String> e : new TreeMap<>(info.queryParams()).entrySet()) {
                if (!first) {
                    url.append('&');
                }
                first = false;
                url.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
        }
        return URI.create(url.toString());
    }

    /** Whether this is an Azure-style endpoint ({@code store: true} and item ids are sent back). */
    public boolean isAzure() {
        if ("azure".equalsIgnoreCase(info.name()) || "azure".equalsIgnoreCase(info.id())) {
            return true;
        }
        String url = baseUrl.toLowerCase(Locale.ROOT);
        return AZURE_MARKERS.stream().anyMatch(url::contains);
    }

    private static String stripTrailingSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
