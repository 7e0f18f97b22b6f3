package dev.jcodex.modelclient;

import dev.jcodex.protocol.ProtocolJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads claims of a JWT without verifying it (the server verifies; we only need expiry and account id). */
final class Jwt {
    private static final String AUTH_CLAIM = "https://api.openai.com/auth";

    private Jwt() {}

    /** The payload claims, or null when {@code token} is not a readable JWT. */
    static JsonNode claims(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode node = ProtocolJson.tree(new String(payload, StandardCharsets.UTF_8));
            return node.isObject() ? node : null;
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }

    /** The {@code exp} claim, or null. */
    static Instant expiry(String token) {
        JsonNode claims = claims(token);
        JsonNode exp = claims == null ? null : claims.get("exp");
        return exp != null && exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : null;
    }

    /** {@code https://api.openai.com/auth.chatgpt_account_id} of an id token, or null. */
    static String accountId(String idToken) {
        JsonNode claims = claims(idToken);
        return JsonFields.text(JsonFields.object(claims, AUTH_CLAIM), "chatgpt_account_id");
    }
}
