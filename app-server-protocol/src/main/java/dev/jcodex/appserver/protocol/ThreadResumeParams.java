package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code thread/resume}: the thread to load plus the same optional overrides as {@code thread/start}.
 *
 * @param history response items to resume from instead of a stored rollout
 * @param path a rollout file to resume from
 * @param excludeTurns leave {@code turns} out of the returned thread
 */
public record ThreadResumeParams(
        @JsonProperty("threadId") String threadId,
        @JsonProperty("history") List<JsonNode> history,
        @JsonProperty("path") String path,
        @JsonProperty("model") String model,
        @JsonProperty("modelProvider") String modelProvider,
        @JsonProperty("serviceTier") String serviceTier,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("approvalPolicy") AskForApproval approvalPolicy,
        @JsonProperty("approvalsReviewer") String approvalsReviewer,
        @JsonProperty("sandbox") SandboxMode sandbox,
        @JsonProperty("config") Map<String, JsonNode> config,
        @JsonProperty("baseInstructions") String baseInstructions,
        @JsonProperty("developerInstructions") String developerInstructions,
        @JsonProperty("personality") String personality,
        @JsonProperty("excludeTurns") Boolean excludeTurns) {

    /** Resumes {@code threadId} with the given overrides (each may be null). */
    public static ThreadResumeParams of(String threadId, String model, String modelProvider, String cwd,
            SandboxMode sandbox) {
        return new ThreadResumeParams(threadId, null, null, model, modelProvider, null, cwd, AskForApproval.NEVER,
                null, sandbox, null, null, null, null, null);
    }
}
