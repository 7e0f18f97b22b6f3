package dev.jcodex.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request as {@link MockResponsesServer} received it.
 *
 * @param sequence 1-based arrival order over all requests
 * @param method HTTP method
 * @param path request path without the query (e.g. {@code /v1/responses})
 * @param query raw query string, or {@code ""}
 * @param headers lower-cased header name → values
 * @param body raw body bytes (undecoded)
 * @param receivedAt wall-clock arrival time
 * @param receivedNanos {@link System#nanoTime()} at arrival, for gap measurements
 */
public record CapturedRequest(int sequence, String method, String path, String query,
                              Map<String, List<String>> headers, byte[] body, Instant receivedAt,
                              long receivedNanos) {

    public CapturedRequest {
        headers = Map.copyOf(headers);
        body = Arrays.copyOf(body, body.length);
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON, or {@code null} when it is empty or not JSON. */
    public JsonNode bodyJson() {
        if (body.length == 0) {
            return null;
        }
        try {
            return Wire.JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Whether this is a model request ({@code POST …/responses} or {@code …/chat/completions}). */
    public boolean isModelRequest() {
        return "POST".equals(method) && (path.endsWith("/responses") || path.endsWith("/chat/completions"));
    }

    @Override
    public byte[] body() {
        return Arrays.copyOf(body, body.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedRequest r && r.sequence == sequence && r.method.equals(method)
                && r.path.equals(path) && r.query.equals(query) && r.headers.equals(headers)
                && Arrays.equals(r.body, body) && r.receivedAt.equals(receivedAt)
                && r.receivedNanos == receivedNanos;
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(sequence) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "CapturedRequest[" + sequence + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query)
                + ", " + body.length + " body bytes]";
    }
}
