package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code turn/start}. Overrides (all optional, omitted when null) persist for later turns, except
 * {@code outputSchema}, which applies to this turn only.
 */
public record TurnStartParams(
        @JsonProperty("threadId") String threadId,
        @JsonProperty("input") List<UserInput> input,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("approvalPolicy") AskForApproval approvalPolicy,
        @JsonProperty("approvalsReviewer") String approvalsReviewer,
        @JsonProperty("sandboxPolicy") SandboxPolicy sandboxPolicy,
        @JsonProperty("model") String model,
        @JsonProperty("serviceTier") String serviceTier,
        @JsonProperty("effort") ReasoningEffort effort,
        @JsonProperty("summary") ReasoningSummary summary,
        @JsonProperty("personality") String personality,
        @JsonProperty("outputSchema") JsonNode outputSchema) {

    public TurnStartParams {
        input = input == null ? List.of() : List.copyOf(input);
    }

    /** A builder for a turn on {@code threadId} with {@code input}. */
    public static Builder builder(String threadId, List<UserInput> input) {
        return new Builder(threadId, input);
    }

    /** Fluent construction of {@link TurnStartParams}. */
    public static final class Builder {
        private final String threadId;
        private final List<UserInput> input;
        private String cwd;
        private AskForApproval approvalPolicy;
        private String model;
        private ReasoningEffort effort;
        private ReasoningSummary summary;
        private JsonNode outputSchema;

        private Builder(String threadId, List<UserInput> input) {
            this.threadId = threadId;
            this.input = input;
        }

        public Builder cwd(String value) {
            cwd = value;
            return this;
        }

        public Builder approvalPolicy(AskForApproval value) {
            approvalPolicy = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder effort(ReasoningEffort value) {
            effort = value;
            return this;
        }

        public Builder summary(ReasoningSummary value) {
            summary = value;
            return this;
        }

        public Builder outputSchema(JsonNode value) {
            outputSchema = value;
            return this;
        }

        public TurnStartParams build() {
            return new TurnStartParams(threadId, input, cwd, approvalPolicy, null, null, model, null, effort,
                    summary, null, outputSchema);
        }
    }
}
