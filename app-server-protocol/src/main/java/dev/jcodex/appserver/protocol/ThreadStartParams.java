package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.SandboxMode;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code thread/start}; every member is optional and omitted when null.
 *
 * @param config extra config overrides keyed by dotted path ({@code "model_reasoning_effort"}: {@code "high"})
 * @param personality {@code friendly}, {@code pragmatic} or {@code none}
 * @param sessionStartSource {@code startup} or {@code clear}
 */
public record ThreadStartParams(
        @JsonProperty("model") String model,
        @JsonProperty("modelProvider") String modelProvider,
        @JsonProperty("serviceTier") String serviceTier,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("approvalPolicy") AskForApproval approvalPolicy,
        @JsonProperty("approvalsReviewer") String approvalsReviewer,
        @JsonProperty("sandbox") SandboxMode sandbox,
        @JsonProperty("config") Map<String, JsonNode> config,
        @JsonProperty("serviceName") String serviceName,
        @JsonProperty("baseInstructions") String baseInstructions,
        @JsonProperty("developerInstructions") String developerInstructions,
        @JsonProperty("personality") String personality,
        @JsonProperty("ephemeral") Boolean ephemeral,
        @JsonProperty("sessionStartSource") String sessionStartSource) {

    /** A builder with every member unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction of {@link ThreadStartParams}. */
    public static final class Builder {
        private String model;
        private String modelProvider;
        private String cwd;
        private AskForApproval approvalPolicy;
        private SandboxMode sandbox;
        private Map<String, JsonNode> config;
        private Boolean ephemeral;

        private Builder() {}

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder modelProvider(String value) {
            modelProvider = value;
            return this;
        }

        public Builder cwd(String value) {
            cwd = value;
            return this;
        }

        public Builder approvalPolicy(AskForApproval value) {
            approvalPolicy = value;
            return this;
        }

        public Builder sandbox(SandboxMode value) {
            sandbox = value;
            return this;
        }

        public Builder config(Map<String, JsonNode> value) {
            config = value;
            return this;
        }

        public Builder ephemeral(Boolean value) {
            ephemeral = value;
            return this;
        }

        public ThreadStartParams build() {
            return new ThreadStartParams(model, modelProvider, null, cwd, approvalPolicy, null, sandbox, config,
                    null, null, null, null, ephemeral, null);
        }
    }
}
