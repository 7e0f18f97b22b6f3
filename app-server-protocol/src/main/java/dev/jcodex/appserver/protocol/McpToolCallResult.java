package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The MCP {@code CallToolResult} of a {@link ThreadItem.McpToolCall}: content blocks as raw JSON. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record McpToolCallResult(
        @JsonProperty("content") List<JsonNode> content,
        @JsonProperty("structuredContent") JsonNode structuredContent,
        @JsonProperty("_meta") JsonNode meta) {}
