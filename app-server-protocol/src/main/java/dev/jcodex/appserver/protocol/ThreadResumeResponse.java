package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;
import java.util.List;

/** Result of {@code thread/resume}; nullable members are written as {@code null}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ThreadResumeResponse(
        @JsonProperty("thread") AppServerThread thread,
        @JsonProperty("model") String model,
        @JsonProperty("modelProvider") String modelProvider,
        @JsonProperty("serviceTier") String serviceTier,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("instructionSources") List<String> instructionSources,
        @JsonProperty("approvalPolicy") AskForApproval approvalPolicy,
        @JsonProperty("approvalsReviewer") String approvalsReviewer,
        @JsonProperty("sandbox") SandboxPolicy sandbox,
        @JsonProperty("reasoningEffort") ReasoningEffort reasoningEffort) implements ThreadOpenResponse {

    public ThreadResumeResponse {
        instructionSources = instructionSources == null ? List.of() : List.copyOf(instructionSources);
    }
}
