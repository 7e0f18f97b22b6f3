package dev.jcodex.modelclient;

import dev.jcodex.protocol.ProtocolJson;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Maps a non-success HTTP response to a {@link ModelClientException} (spec §3.5, HTTP status mapping). */
final class HttpErrors {
    private static final int MAX_BODY_CHARS = 1000;
    private static final String INVALID_IMAGE = "The image data you provided does not represent a valid image";

    private HttpErrors() {}

    /** Whether the transport layer retries this status (5xx; never 429). */
    static boolean transportRetryable(int status) {
        return status >= 500 && status < 600;
    }

    static ModelClientException map(int status, HttpHeaders headers, byte[] bodyBytes, URI url) {
        String body = new String(bodyBytes, StandardCharsets.UTF_8);
        JsonNode error = errorObject(body);
        String code = JsonFields.text(error, "code");
        String type = JsonFields.text(error, "type");
        String message = JsonFields.text(error, "message");
        String requestId = requestId(headers);
        switch (status) {
            case 400 -> {
                if ("cyber_policy".equals(code)) {
                    return new ModelClientException.CyberPolicy(message);
                }
                if (body.contains(INVALID_IMAGE)) {
                    return new ModelClientException.InvalidImage(message != null ? message : INVALID_IMAGE);
                }
                return new ModelClientException.InvalidRequest(message != null ? message : displayBody(body));
            }
            case 401 -> {
                return new ModelClientException.Unauthorized(unexpected(status, headers, body, url));
            }
            case 429 -> {
                if ("usage_limit_reached".equals(type)) {
                    return new ModelClientException.UsageLimitReached(JsonFields.text(error, "plan_type"),
                            resetsAt(error));
                }
                if ("usage_not_included".equals(type) || "usage_not_included".equals(code)) {
                    return new ModelClientException.UsageNotIncluded();
                }
                return new ModelClientException.RetryLimit(status, requestId, retryAfter(headers));
            }
            case 500 -> {
                return new ModelClientException.InternalServerError();
            }
            case 503 -> {
                if ("server_is_overloaded".equals(code) || "slow_down".equals(code)) {
                    return new ModelClientException.ServerOverloaded();
                }
                return new ModelClientException.UnexpectedStatus(status, unexpected(status, headers, body, url), body);
            }
            default -> {
                return new ModelClientException.UnexpectedStatus(status, unexpected(status, headers, body, url), body);
            }
        }
    }

    /** "unexpected status 418 I'm a teapot: <message or body>, url: …, cf-ray: …, request id: …". */
    static String unexpected(int status, HttpHeaders headers, String body, URI url) {
        StringBuilder sb = new StringBuilder("unexpected status ").append(HttpStatusText.of(status)).append(": ");
        String message = JsonFields.text(errorObject(body), "message");
        sb.append(message != null && !message.isBlank() ? message.trim() : displayBody(body));
        if (url != null) {
            sb.append(", url: ").append(url);
        }
        headers.firstValue("cf-ray").ifPresent(v -> sb.append(", cf-ray: ").append(v));
        String requestId = requestId(headers);
        if (requestId != null) {
            sb.append(", request id: ").append(requestId);
        }
        headers.firstValue("x-openai-authorization-error").ifPresent(v -> sb.append(", auth error: ").append(v));
        headers.firstValue("x-error-json").map(HttpErrors::decodeErrorJson)
                .ifPresent(v -> sb.append(", auth error code: ").append(v));
        return sb.toString();
    }

    private static String decodeErrorJson(String base64) {
        try {
            JsonNode json = ProtocolJson.tree(new String(Base64.getDecoder().decode(base64.trim()),
                    StandardCharsets.UTF_8));
            String code = JsonFields.text(JsonFields.object(json, "error"), "code");
            return code != null ? code : JsonFields.text(json, "code");
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }

    private static String displayBody(String body) {
        String trimmed = body.trim();
        if (trimmed.isEmpty()) {
            return "Unknown error";
        }
        return trimmed.length() > MAX_BODY_CHARS ? trimmed.substring(0, MAX_BODY_CHARS) + "..." : trimmed;
    }

    private static JsonNode errorObject(String body) {
        try {
            return JsonFields.object(ProtocolJson.tree(body), "error");
        } catch (JacksonException e) {
            return null;
        }
    }

    static String requestId(HttpHeaders headers) {
        return headers.firstValue("x-request-id").or(() -> headers.firstValue("x-oai-request-id")).orElse(null);
    }

    private static String resetsAt(JsonNode error) {
        JsonNode v = error == null ? null : error.get("resets_at");
        if (v == null || !v.isNumber()) {
            return null;
        }
        ZonedDateTime at = Instant.ofEpochSecond(v.asLong()).atZone(ZoneId.systemDefault());
        return at.format(DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a"));
    }

    /** {@code retry-after-ms}, else {@code retry-after} (seconds or an HTTP date); null when absent. */
    static Duration retryAfter(HttpHeaders headers) {
        String ms = headers.firstValue("retry-after-ms").orElse(null);
        if (ms != null) {
            try {
                return Duration.ofNanos((long) (Double.parseDouble(ms.trim()) * 1_000_000));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String value = headers.firstValue("retry-after").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds < 0 ? null : Duration.ofNanos((long) (seconds * 1_000_000_000L));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
