package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * The {@code error} member of a JSON-RPC error response.
 *
 * @param code one of {@link ErrorCodes} (or a server-defined code)
 * @param message human-readable text
 * @param data optional extra detail, omitted when null
 */
public record JsonRpcError(
        @JsonProperty("code") int code,
        @JsonProperty("message") String message,
        @JsonProperty("data") JsonNode data) {

    /** An error without {@code data}. */
    public static JsonRpcError of(int code, String message) {
        return new JsonRpcError(code, message, null);
    }
}
