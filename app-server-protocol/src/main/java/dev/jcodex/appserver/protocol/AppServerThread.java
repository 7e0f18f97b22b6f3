package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The v2 {@code Thread} object (§13.3); named so as not to shadow {@link java.lang.Thread}.
 *
 * @param createdAt unix seconds
 * @param updatedAt unix seconds
 * @param path the rollout file, null for ephemeral threads
 * @param source {@code "cli"}, {@code "vscode"}, {@code "exec"}, {@code "appServer"}, {@code {"subAgent":…}} or
 *     {@code "unknown"}, kept as JSON
 * @param turns filled only by {@code thread/resume}, {@code thread/fork} and {@code thread/read} with turns
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AppServerThread(
        @JsonProperty("id") String id,
        @JsonProperty("forkedFromId") String forkedFromId,
        @JsonProperty("preview") String preview,
        @JsonProperty("ephemeral") boolean ephemeral,
        @JsonProperty("modelProvider") String modelProvider,
        @JsonProperty("createdAt") long createdAt,
        @JsonProperty("updatedAt") long updatedAt,
        @JsonProperty("status") ThreadStatus status,
        @JsonProperty("path") String path,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("cliVersion") String cliVersion,
        @JsonProperty("source") JsonNode source,
        @JsonProperty("agentNickname") String agentNickname,
        @JsonProperty("agentRole") String agentRole,
        @JsonProperty("gitInfo") GitInfo gitInfo,
        @JsonProperty("name") String name,
        @JsonProperty("turns") List<Turn> turns) {

    public AppServerThread {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }
}
