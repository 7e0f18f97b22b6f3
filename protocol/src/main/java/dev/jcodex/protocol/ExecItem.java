package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An item of the {@code exec --json} stream: {@code id} ({@code item_N}) first, then {@code type}, then the fields
 * of the item kind in the reference's order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ExecItem.AgentMessage.class),
        @JsonSubTypes.Type(ExecItem.Reasoning.class),
        @JsonSubTypes.Type(ExecItem.CommandExecution.class),
        @JsonSubTypes.Type(ExecItem.FileChange.class),
        @JsonSubTypes.Type(ExecItem.McpToolCall.class),
        @JsonSubTypes.Type(ExecItem.WebSearch.class),
        @JsonSubTypes.Type(ExecItem.TodoList.class),
        @JsonSubTypes.Type(ExecItem.Error.class)})
public sealed interface ExecItem {

    /** {@code item_N}. */
    String id();

    /** The wire tag. */
    @JsonProperty("type")
    String type();

    @JsonTypeName("agent_message")
    @JsonPropertyOrder({"id", "type", "text"})
    record AgentMessage(@JsonProperty("id") String id, @JsonProperty("text") String text) implements ExecItem {
        @Override
        public String type() {
            return "agent_message";
        }
    }

    @JsonTypeName("reasoning")
    @JsonPropertyOrder({"id", "type", "text"})
    record Reasoning(@JsonProperty("id") String id, @JsonProperty("text") String text) implements ExecItem {
        @Override
        public String type() {
            return "reasoning";
        }
    }

    @JsonTypeName("command_execution")
    @JsonPropertyOrder({"id", "type", "command", "aggregated_output", "exit_code", "status"})
    record CommandExecution(
            @JsonProperty("id") String id,
            @JsonProperty("command") String command,
            @JsonProperty("aggregated_output") String aggregatedOutput,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("exit_code") Integer exitCode,
            @JsonProperty("status") String status) implements ExecItem {
        @Override
        public String type() {
            return "command_execution";
        }
    }

    /** One changed path of a {@link FileChange}; {@code kind} is add, delete or update. */
    record PathChange(@JsonProperty("path") String path, @JsonProperty("kind") String kind) {}

    @JsonTypeName("file_change")
    @JsonPropertyOrder({"id", "type", "changes", "status"})
    record FileChange(
            @JsonProperty("id") String id,
            @JsonProperty("changes") List<PathChange> changes,
            @JsonProperty("status") String status) implements ExecItem {
        @Override
        public String type() {
            return "file_change";
        }
    }

    @JsonTypeName("mcp_tool_call")
    @JsonPropertyOrder({"id", "type", "server", "tool", "arguments", "result", "error", "status"})
    record McpToolCall(
            @JsonProperty("id") String id,
            @JsonProperty("server") String server,
            @JsonProperty("tool") String tool,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("arguments") JsonNode arguments,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("result") JsonNode result,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("error") ThreadEvent.ErrorBody error,
            @JsonProperty("status") String status) implements ExecItem {
        @Override
        public String type() {
            return "mcp_tool_call";
        }
    }

    @JsonTypeName("web_search")
    @JsonPropertyOrder({"id", "type", "query", "action"})
    record WebSearch(
            @JsonProperty("id") String id,
            @JsonProperty("query") String query,
            @JsonProperty("action") JsonNode action) implements ExecItem {
        @Override
        public String type() {
            return "web_search";
        }
    }

    /** One step of a {@link TodoList}. */
    record TodoItem(@JsonProperty("text") String text, @JsonProperty("completed") boolean completed) {}

    @JsonTypeName("todo_list")
    @JsonPropertyOrder({"id", "type", "items"})
    record TodoList(@JsonProperty("id") String id, @JsonProperty("items") List<TodoItem> items) implements ExecItem {
        @Override
        public String type() {
            return "todo_list";
        }
    }

    @JsonTypeName("error")
    @JsonPropertyOrder({"id", "type", "message"})
    record Error(@JsonProperty("id") String id, @JsonProperty("message") String message) implements ExecItem {
        @Override
        public String type() {
            return "error";
        }
    }
}
