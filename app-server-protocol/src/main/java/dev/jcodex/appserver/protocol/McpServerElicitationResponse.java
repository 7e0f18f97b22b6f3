package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * The client's result for {@code mcpServer/elicitation/request}; {@code action} is {@code accept},
 * {@code decline} or {@code cancel}; {@code content} and {@code _meta} are omitted when null.
 */
public record McpServerElicitationResponse(
        @JsonProperty("action") String action,
        @JsonProperty("content") JsonNode content,
        @JsonProperty("_meta") JsonNode meta) {

    /** {@code {"action":"cancel"}}: what {@code codex exec} answers. */
    public static McpServerElicitationResponse cancel() {
        return new McpServerElicitationResponse("cancel", null, null);
    }
}
