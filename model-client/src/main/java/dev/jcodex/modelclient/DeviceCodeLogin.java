package dev.jcodex.modelclient;

import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * "Sign in with ChatGPT" by device code against an OAuth issuer ({@code https://auth.openai.com} by default):
 * {@code POST {issuer}/api/accounts/deviceauth/usercode} gives a user code, {@code …/deviceauth/token} is polled
 * (403/404 = pending) until it returns an authorization code with its PKCE verifier, which is exchanged at
 * {@code {issuer}/oauth/token}; the tokens are stored in auth.json.
 */
public final class DeviceCodeLogin {
    /** The production issuer. */
    public static final String DEFAULT_ISSUER = "https://auth.openai.com";
    private static final Duration MAX_WAIT = Duration.ofMinutes(15);

    /**
     * Where to log in.
     *
     * @param issuer the issuer base URL
     * @param clientId the OAuth client id
     */
    public record Options(String issuer, String clientId) {
        /** The production issuer and the Codex client id. */
        public static Options defaults() {
            return new Options(DEFAULT_ISSUER, AuthManager.CLIENT_ID);
        }

        String base() {
            return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        }
    }

    /**
     * A pending device login.
     *
     * @param verificationUrl where the user enters the code ({@code {issuer}/codex/device})
     * @param userCode the one-time code to show
     * @param deviceAuthId the server's id of this login
     * @param interval how long to wait between polls
     */
    public record DeviceCode(String verificationUrl, String userCode, String deviceAuthId, Duration interval) {}

    private final HttpClient http;
    private final Options options;
    private final Clock clock;

    public DeviceCodeLogin(HttpClient http, Options options) {
        this(http, options, Clock.systemUTC());
    }

    DeviceCodeLogin(HttpClient http, Options options, Clock clock) {
        this.http = http;
        this.options = options;
        this.clock = clock;
    }

    /** Requests a user code. */
    public DeviceCode requestCode() {
        String url = options.base() + "/api/accounts/deviceauth/usercode";
        HttpResponse<String> response = postJson(url, Map.of("client_id", options.clientId()));
        if (response.statusCode() == 404) {
            throw new ModelClientException.AuthFailed("device code login is not enabled for this Codex server. "
                    + "Use the browser login or verify the server URL.", null);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ModelClientException.AuthFailed("device code request failed with status "
                    + HttpStatusText.of(response.statusCode()), null);
        }
        JsonNode json = parse(response.body());
        String userCode = JsonFields.text(json, "user_code");
        if (userCode == null) {
            userCode = JsonFields.text(json, "usercode");
        }
        String deviceAuthId = JsonFields.text(json, "device_auth_id");
        if (userCode == null || deviceAuthId == null) {
            throw new ModelClientException.AuthFailed("device code response is missing user_code/device_auth_id",
                    null);
        }
        return new DeviceCode(options.base() + "/codex/device", userCode, deviceAuthId,
                Duration.ofSeconds(interval(json.get("interval"))));
    }

    /** Polls until the user approved, exchanges the code for tokens and stores them; returns what was stored. */
    public AuthDotJson complete(DeviceCode code, AuthStore store) {
        JsonNode grant = poll(code);
        String authorizationCode = JsonFields.text(grant, "authorization_code");
        String verifier = JsonFields.text(grant, "code_verifier");
        if (authorizationCode == null || verifier == null) {
            throw new ModelClientException.AuthFailed("device auth response is missing the authorization code", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", authorizationCode);
        form.put("redirect_uri", options.base() + "/deviceauth/callback");
        form.put("client_id", options.clientId());
        form.put("code_verifier", verifier);
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.base() + "/oauth/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new ModelClientException.AuthFailed("device code exchange failed: token endpoint returned status "
                    + HttpStatusText.of(response.statusCode()), null);
        }
        JsonNode tokens = parse(response.body());
        String idToken = JsonFields.text(tokens, "id_token");
        String accessToken = JsonFields.text(tokens, "access_token");
        String refreshToken = JsonFields.text(tokens, "refresh_token");
        if (idToken == null || accessToken == null || refreshToken == null) {
            throw new ModelClientException.AuthFailed("device code exchange failed: incomplete token response", null);
        }
        AuthDotJson auth = AuthDotJson.chatGpt(new AuthDotJson.TokenData(idToken, accessToken, refreshToken,
                Jwt.accountId(idToken)), clock.instant());
        store.save(auth);
        return auth;
    }

    /** The polling interval in seconds: a number or a numeric string; 5 when absent or unreadable. */
    private static long interval(JsonNode interval) {
        if (interval == null) {
            return 5;
        }
        if (interval.isNumber()) {
            return Math.max(0, interval.asLong());
        }
        try {
            return Math.max(0, Long.parseLong(interval.asString("5").trim()));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    private JsonNode poll(DeviceCode code) {
        String url = options.base() + "/api/accounts/deviceauth/token";
        Instant deadline = clock.instant().plus(MAX_WAIT);
        while (true) {
            HttpResponse<String> response = postJson(url,
                    Map.of("device_auth_id", code.deviceAuthId(), "user_code", code.userCode()));
            int status = response.statusCode();
            if (status / 100 == 2) {
                return parse(response.body());
            }
            if (status != 403 && status != 404) {
                throw new ModelClientException.AuthFailed("device auth failed with status "
                        + HttpStatusText.of(status), null);
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new ModelClientException.AuthFailed("device auth timed out after 15 minutes", null);
            }
            try {
                Thread.sleep(code.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelClientException.AuthFailed("device auth interrupted", e);
            }
        }
    }

    private HttpResponse<String> postJson(String url, Map<String, String> fields) {
        var node = ProtocolJson.mapper().createObjectNode();
        fields.forEach(node::put);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProtocolJson.write(node))).build();
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ModelClientException.AuthFailed("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelClientException.AuthFailed("login interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = ProtocolJson.tree(body);
            if (!json.isObject()) {
                throw new ModelClientException.AuthFailed("unexpected response from the issuer", null);
            }
            return json;
        } catch (JacksonException e) {
            throw new ModelClientException.AuthFailed("unreadable response from the issuer", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
