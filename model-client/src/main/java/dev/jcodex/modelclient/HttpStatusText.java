package dev.jcodex.modelclient;

import java.util.Map;

/** Status code + canonical reason phrase, as the reference prints statuses ("429 Too Many Requests"). */
final class HttpStatusText {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(418, "I'm a teapot"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(426, "Upgrade Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private HttpStatusText() {}

    static String of(int status) {
        String reason = REASONS.get(status);
        return reason == null ? Integer.toString(status) : status + " " + reason;
    }
}
