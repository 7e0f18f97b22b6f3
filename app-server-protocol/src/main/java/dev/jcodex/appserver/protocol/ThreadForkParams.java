package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Params of {@code thread/fork}: the source thread (or rollout {@code path}) plus optional overrides. */
public record ThreadForkParams(
        @JsonProperty("threadId") String threadId,
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
        @JsonProperty("ephemeral") Boolean ephemeral,
        @JsonProperty("excludeTurns") Boolean excludeTurns) {}
