package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Map;

/**
 * A user-visible unit of a turn, as the core reports it (started → completed). Front ends see these through the
 * app-server as v2 {@code ThreadItem}s; rollouts persist them inside {@code item_completed} events.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(TurnItem.UserMessage.class),
        @JsonSubTypes.Type(TurnItem.AgentMessage.class),
        @JsonSubTypes.Type(TurnItem.Reasoning.class),
        @JsonSubTypes.Type(TurnItem.CommandExecution.class),
        @JsonSubTypes.Type(TurnItem.FileChange.class),
        @JsonSubTypes.Type(TurnItem.WebSearch.class),
        @JsonSubTypes.Type(TurnItem.ImageView.class),
        @JsonSubTypes.Type(TurnItem.ContextCompaction.class)})
public sealed interface TurnItem {

    /** Stable id of the item within its thread. */
    String id();

    @JsonTypeName("UserMessage")
    record UserMessage(@JsonProperty("id") String id, @JsonProperty("content") List<UserInput> content)
            implements TurnItem {}

    @JsonTypeName("AgentMessage")
    record AgentMessage(@JsonProperty("id") String id, @JsonProperty("text") String text,
            @JsonProperty("phase") String phase) implements TurnItem {}

    @JsonTypeName("Reasoning")
    record Reasoning(@JsonProperty("id") String id, @JsonProperty("summary_text") List<String> summaryText,
            @JsonProperty("raw_content") List<String> rawContent) implements TurnItem {}

    /** Lifecycle of command and patch items. */
    enum Status { IN_PROGRESS, COMPLETED, FAILED, DECLINED }

    /** Where a command came from. */
    enum CommandSource { AGENT, USER_SHELL, UNIFIED_EXEC_STARTUP, UNIFIED_EXEC_INTERACTION }

    @JsonTypeName("CommandExecution")
    record CommandExecution(
            @JsonProperty("id") String id,
            @JsonProperty("command") List<String> command,
            @JsonProperty("cwd") String cwd,
            @JsonProperty("process_id") String processId,
            @JsonProperty("source") CommandSource source,
            @JsonProperty("status") Status status,
            @JsonProperty("aggregated_output") String aggregatedOutput,
            @JsonProperty("exit_code") Integer exitCode,
            @JsonProperty("duration_ms") Long durationMs) implements TurnItem {}

    /** One file of a {@link FileChange}: kind add, delete or update; {@code movePath} for renames. */
    record FileDelta(
            @JsonProperty("kind") String kind,
            @JsonProperty("unified_diff") String unifiedDiff,
            @JsonProperty("move_path") String movePath) {}

    @JsonTypeName("FileChange")
    record FileChange(
            @JsonProperty("id") String id,
            @JsonProperty("changes") Map<String, FileDelta> changes,
            @JsonProperty("status") Status status,
            @JsonProperty("stdout") String stdout,
            @JsonProperty("stderr") String stderr) implements TurnItem {}

    @JsonTypeName("WebSearch")
    record WebSearch(@JsonProperty("id") String id, @JsonProperty("query") String query,
            @JsonProperty("action") tools.jackson.databind.JsonNode action) implements TurnItem {}

    @JsonTypeName("ImageView")
    record ImageView(@JsonProperty("id") String id, @JsonProperty("path") String path) implements TurnItem {}

    @JsonTypeName("ContextCompaction")
    record ContextCompaction(@JsonProperty("id") String id) implements TurnItem {}
}
