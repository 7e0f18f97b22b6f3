package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One item of a turn (§13.3), tagged by {@code type} (camelCase). Nullable members are written as {@code null},
 * as the reference does. Item kinds this module does not model yet ({@code hookPrompt}, {@code dynamicToolCall},
 * {@code collabAgentToolCall}, {@code imageGeneration}, review-mode items) are read as {@link Other}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true, defaultImpl = ThreadItem.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(ThreadItem.UserMessage.class),
        @JsonSubTypes.Type(ThreadItem.AgentMessage.class),
        @JsonSubTypes.Type(ThreadItem.Plan.class),
        @JsonSubTypes.Type(ThreadItem.Reasoning.class),
        @JsonSubTypes.Type(ThreadItem.CommandExecution.class),
        @JsonSubTypes.Type(ThreadItem.FileChange.class),
        @JsonSubTypes.Type(ThreadItem.McpToolCall.class),
        @JsonSubTypes.Type(ThreadItem.WebSearch.class),
        @JsonSubTypes.Type(ThreadItem.ImageView.class),
        @JsonSubTypes.Type(ThreadItem.ContextCompaction.class)})
@JsonPropertyOrder({"type", "id"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface ThreadItem {

    /** The item id assigned by the server (stable from {@code item/started} to {@code item/completed}). */
    String id();

    /** The wire tag. */
    @JsonProperty("type")
    String type();

    /** What the user sent. */
    @JsonTypeName("userMessage")
    record UserMessage(@JsonProperty("id") String id, @JsonProperty("content") List<UserInput> content)
            implements ThreadItem {
        @Override
        public String type() {
            return "userMessage";
        }
    }

    /**
     * A message from the agent; {@code phase} ({@code commentary} / {@code final_answer}) and
     * {@code memoryCitation} are null when unknown.
     */
    @JsonTypeName("agentMessage")
    record AgentMessage(
            @JsonProperty("id") String id,
            @JsonProperty("text") String text,
            @JsonProperty("phase") String phase,
            @JsonProperty("memoryCitation") JsonNode memoryCitation) implements ThreadItem {
        public AgentMessage {
            memoryCitation = memoryCitation == null || memoryCitation.isNull() ? null : memoryCitation;
        }

        /** A message without phase or citation. */
        public static AgentMessage of(String id, String text) {
            return new AgentMessage(id, text, null, null);
        }

        @Override
        public String type() {
            return "agentMessage";
        }
    }

    /** A proposed plan (plan mode). */
    @JsonTypeName("plan")
    record Plan(@JsonProperty("id") String id, @JsonProperty("text") String text) implements ThreadItem {
        @Override
        public String type() {
            return "plan";
        }
    }

    /** Reasoning summary parts and (raw) content parts. */
    @JsonTypeName("reasoning")
    record Reasoning(
            @JsonProperty("id") String id,
            @JsonProperty("summary") List<String> summary,
            @JsonProperty("content") List<String> content) implements ThreadItem {
        public Reasoning {
            summary = summary == null ? List.of() : List.copyOf(summary);
            content = content == null ? List.of() : List.copyOf(content);
        }

        @Override
        public String type() {
            return "reasoning";
        }
    }

    /**
     * A shell command. {@code aggregatedOutput}, {@code exitCode} and {@code durationMs} are null until the
     * command finishes.
     */
    @JsonTypeName("commandExecution")
    record CommandExecution(
            @JsonProperty("id") String id,
            @JsonProperty("command") String command,
            @JsonProperty("cwd") String cwd,
            @JsonProperty("processId") String processId,
            @JsonProperty("source") CommandExecutionSource source,
            @JsonProperty("status") CommandExecutionStatus status,
            @JsonProperty("commandActions") List<CommandAction> commandActions,
            @JsonProperty("aggregatedOutput") String aggregatedOutput,
            @JsonProperty("exitCode") Integer exitCode,
            @JsonProperty("durationMs") Long durationMs) implements ThreadItem {
        public CommandExecution {
            commandActions = commandActions == null ? List.of() : List.copyOf(commandActions);
        }

        @Override
        public String type() {
            return "commandExecution";
        }
    }

    /** A patch: the changed paths (absolute) with their unified diffs. */
    @JsonTypeName("fileChange")
    record FileChange(
            @JsonProperty("id") String id,
            @JsonProperty("changes") List<FileUpdateChange> changes,
            @JsonProperty("status") PatchApplyStatus status) implements ThreadItem {
        public FileChange {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }

        @Override
        public String type() {
            return "fileChange";
        }
    }

    /** A call of an MCP tool; {@code mcpAppResourceUri} is omitted when absent. */
    @JsonTypeName("mcpToolCall")
    record McpToolCall(
            @JsonProperty("id") String id,
            @JsonProperty("server") String server,
            @JsonProperty("tool") String tool,
            @JsonProperty("status") McpToolCallStatus status,
            @JsonProperty("arguments") JsonNode arguments,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("mcpAppResourceUri") String mcpAppResourceUri,
            @JsonProperty("result") McpToolCallResult result,
            @JsonProperty("error") McpToolCallError error,
            @JsonProperty("durationMs") Long durationMs) implements ThreadItem {
        @Override
        public String type() {
            return "mcpToolCall";
        }
    }

    /**
     * A web search; {@code action} is {@code {"type":"search","query"?,"queries"?}},
     * {@code {"type":"openPage","url"?}}, {@code {"type":"findInPage","url"?,"pattern"?}} or
     * {@code {"type":"other"}}, or null.
     */
    @JsonTypeName("webSearch")
    record WebSearch(
            @JsonProperty("id") String id,
            @JsonProperty("query") String query,
            @JsonProperty("action") JsonNode action) implements ThreadItem {
        public WebSearch {
            action = action == null || action.isNull() ? null : action;
        }

        @Override
        public String type() {
            return "webSearch";
        }
    }

    /** The agent looked at an image file. */
    @JsonTypeName("imageView")
    record ImageView(@JsonProperty("id") String id, @JsonProperty("path") String path) implements ThreadItem {
        @Override
        public String type() {
            return "imageView";
        }
    }

    /** The context was compacted. */
    @JsonTypeName("contextCompaction")
    record ContextCompaction(@JsonProperty("id") String id) implements ThreadItem {
        @Override
        public String type() {
            return "contextCompaction";
        }
    }

    /** An item kind this module does not model; only its tag and id are kept. Read side only. */
    record Other(@JsonProperty("type") String type, @JsonProperty("id") String id) implements ThreadItem {}
}
