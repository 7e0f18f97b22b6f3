package dev.jcodex.state;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The first line of a rollout ({@code session_meta}): who started the thread, where and with which provider.
 * Members this version does not model (for example {@code account_scoped}, {@code runtime_workspace_roots},
 * {@code history_mode} written by newer reference versions) are kept in {@link #extra} and written after the
 * known ones.
 *
 * @param id thread id (UUIDv7)
 * @param forkedFromId id of the thread this one was forked from, else {@code null}
 * @param timestamp creation time, ISO-8601 UTC with milliseconds
 * @param cwd working directory the thread started in
 * @param originator client name, e.g. {@code codex_exec}
 * @param cliVersion version of the writing binary
 * @param source {@code "cli"}, {@code "exec"}, {@code "vscode"}, {@code "mcp"} or an object such as
 *     {@code {"subagent":"review"}}
 * @param agentNickname sub-agent nickname, optional
 * @param agentRole sub-agent role, optional
 * @param agentPath sub-agent path, optional
 * @param modelProvider provider id, e.g. {@code openai}
 * @param baseInstructions the base instructions the thread started with, optional
 * @param dynamicTools dynamic tool specs, optional JSON
 * @param memoryMode memory mode, optional
 * @param git repository state at start, optional
 * @param extra members not modelled here
 */
public record SessionMeta(
        @JsonProperty("id") String id,
        @JsonProperty("forked_from_id") String forkedFromId,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("originator") String originator,
        @JsonProperty("cli_version") String cliVersion,
        @JsonProperty("source") JsonNode source,
        @JsonProperty("agent_nickname") String agentNickname,
        @JsonProperty("agent_role") String agentRole,
        @JsonProperty("agent_path") String agentPath,
        @JsonProperty("model_provider") String modelProvider,
        @JsonProperty("base_instructions") BaseInstructions baseInstructions,
        @JsonProperty("dynamic_tools") JsonNode dynamicTools,
        @JsonProperty("memory_mode") String memoryMode,
        @JsonProperty("git") GitInfo git,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements RolloutItem {

    public SessionMeta {
        Objects.requireNonNull(id, "id");
        extra = Extras.copy(extra);
    }

    /** {@code base_instructions}: the text the thread's first request carried as base instructions. */
    public record BaseInstructions(@JsonProperty("text") String text) {}

    /** {@code git}: repository state when the thread started; every member is optional. */
    public record GitInfo(
            @JsonProperty("commit_hash") String commitHash,
            @JsonProperty("branch") String branch,
            @JsonProperty("repository_url") String repositoryUrl) {}

    /**
     * A new thread's meta with the required members; everything optional is left out.
     *
     * @param source the source label, e.g. {@code exec} (written as a JSON string)
     */
    public static SessionMeta of(String id, String timestamp, String cwd, Identity identity, String source) {
        return new SessionMeta(id, null, timestamp, cwd, identity.originator(), identity.cliVersion(),
                JsonNodeFactory.instance.stringNode(source), null, null, null, identity.modelProvider(), null, null,
                null, null, Map.of());
    }

    /** Who writes the thread: client name, binary version and model provider id. */
    public record Identity(String originator, String cliVersion, String modelProvider) {}

    /** The source as one string: the label itself, or compact JSON for structured sources; {@code ""} if absent. */
    public String sourceLabel() {
        if (source == null || source.isNull() || source.isMissingNode()) {
            return "";
        }
        return source.isString() ? source.asString() : source.toString();
    }

    /** A copy with different base instructions. */
    public SessionMeta withBaseInstructions(String text) {
        return new SessionMeta(id, forkedFromId, timestamp, cwd, originator, cliVersion, source, agentNickname,
                agentRole, agentPath, modelProvider, new BaseInstructions(text), dynamicTools, memoryMode, git, extra);
    }

    /** A copy with repository state. */
    public SessionMeta withGit(GitInfo gitInfo) {
        return new SessionMeta(id, forkedFromId, timestamp, cwd, originator, cliVersion, source, agentNickname,
                agentRole, agentPath, modelProvider, baseInstructions, dynamicTools, memoryMode, gitInfo, extra);
    }

    /**
     * A copy describing a fork of this thread: new id and timestamp, {@code forked_from_id} = this id (a
     * {@code session_id} extra member, written by newer reference versions, follows the new id).
     */
    public SessionMeta forkedAs(String newId, String newTimestamp) {
        Map<String, JsonNode> extras = extra;
        if (extras.containsKey("session_id")) {
            var copy = new java.util.LinkedHashMap<>(extras);
            copy.put("session_id", JsonNodeFactory.instance.stringNode(newId));
            extras = copy;
        }
        return new SessionMeta(newId, id, newTimestamp, cwd, originator, cliVersion, source, agentNickname,
                agentRole, agentPath, modelProvider, baseInstructions, dynamicTools, memoryMode, git, extras);
    }
}
