package dev.jcodex.state;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A {@code turn_context} line: the model-visible settings of a turn, written for the first real user turn and
 * whenever they change. Policy members are kept as JSON (a string such as {@code "never"} or an object) so values
 * from newer writers never make a line unreadable; the core maps them to its types. Members not modelled here
 * (e.g. {@code comp_hash}, {@code approvals_reviewer}) are kept in {@link #extra}.
 *
 * @param turnId the turn id, optional
 * @param traceId trace id, optional
 * @param cwd working directory of the turn
 * @param currentDate the date shown to the model, optional
 * @param timezone the timezone shown to the model, optional
 * @param approvalPolicy {@code approval_policy}, e.g. {@code "on-request"}
 * @param sandboxPolicy {@code sandbox_policy}, e.g. {@code {"type":"read-only"}}
 * @param permissionProfile optional JSON
 * @param network optional JSON ({@code allowed_domains}, {@code denied_domains})
 * @param fileSystemSandboxPolicy optional JSON
 * @param model model slug
 * @param personality optional
 * @param collaborationMode optional JSON
 * @param realtimeActive optional
 * @param effort reasoning effort, optional (e.g. {@code "medium"})
 * @param summary reasoning summary setting (e.g. {@code "auto"}, {@code "none"})
 * @param userInstructions optional
 * @param developerInstructions optional
 * @param finalOutputJsonSchema optional JSON schema
 * @param truncationPolicy optional JSON
 * @param extra members not modelled here
 */
public record TurnContext(
        @JsonProperty("turn_id") String turnId,
        @JsonProperty("trace_id") String traceId,
        @JsonProperty("cwd") String cwd,
        @JsonProperty("current_date") String currentDate,
        @JsonProperty("timezone") String timezone,
        @JsonProperty("approval_policy") JsonNode approvalPolicy,
        @JsonProperty("sandbox_policy") JsonNode sandboxPolicy,
        @JsonProperty("permission_profile") JsonNode permissionProfile,
        @JsonProperty("network") JsonNode network,
        @JsonProperty("file_system_sandbox_policy") JsonNode fileSystemSandboxPolicy,
        @JsonProperty("model") String model,
        @JsonProperty("personality") String personality,
        @JsonProperty("collaboration_mode") JsonNode collaborationMode,
        @JsonProperty("realtime_active") Boolean realtimeActive,
        @JsonProperty("effort") String effort,
        @JsonProperty("summary") String summary,
        @JsonProperty("user_instructions") String userInstructions,
        @JsonProperty("developer_instructions") String developerInstructions,
        @JsonProperty("final_output_json_schema") JsonNode finalOutputJsonSchema,
        @JsonProperty("truncation_policy") JsonNode truncationPolicy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements RolloutItem {

    public TurnContext {
        extra = Extras.copy(extra);
    }

    /** A builder seeded with the members every turn context has. */
    public static Builder builder(String cwd, String model) {
        return new Builder(cwd, model);
    }

    /** Builds a {@link TurnContext}; unset optional members stay absent. */
    public static final class Builder {
        private String turnId;
        private String traceId;
        private final String cwd;
        private String currentDate;
        private String timezone;
        private JsonNode approvalPolicy;
        private JsonNode sandboxPolicy;
        private JsonNode permissionProfile;
        private JsonNode network;
        private JsonNode fileSystemSandboxPolicy;
        private final String model;
        private String personality;
        private JsonNode collaborationMode;
        private Boolean realtimeActive;
        private String effort;
        private String summary;
        private String userInstructions;
        private String developerInstructions;
        private JsonNode finalOutputJsonSchema;
        private JsonNode truncationPolicy;

        private Builder(String cwd, String model) {
            this.cwd = Objects.requireNonNull(cwd, "cwd");
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Sets {@code turn_id}. */
        public Builder turnId(String value) { this.turnId = value; return this; }
        /** Sets {@code trace_id}. */
        public Builder traceId(String value) { this.traceId = value; return this; }
        /** Sets {@code current_date}. */
        public Builder currentDate(String value) { this.currentDate = value; return this; }
        /** Sets {@code timezone}. */
        public Builder timezone(String value) { this.timezone = value; return this; }
        /** Sets {@code approval_policy}. */
        public Builder approvalPolicy(JsonNode value) { this.approvalPolicy = value; return this; }
        /** Sets {@code sandbox_policy}. */
        public Builder sandboxPolicy(JsonNode value) { this.sandboxPolicy = value; return this; }
        /** Sets {@code permission_profile}. */
        public Builder permissionProfile(JsonNode value) { this.permissionProfile = value; return this; }
        /** Sets {@code network}. */
        public Builder network(JsonNode value) { this.network = value; return this; }
        /** Sets {@code file_system_sandbox_policy}. */
        public Builder fileSystemSandboxPolicy(JsonNode value) { this.fileSystemSandboxPolicy = value; return this; }
        /** Sets {@code personality}. */
        public Builder personality(String value) { this.personality = value; return this; }
        /** Sets {@code collaboration_mode}. */
        public Builder collaborationMode(JsonNode value) { this.collaborationMode = value; return this; }
        /** Sets {@code realtime_active}. */
        public Builder realtimeActive(Boolean value) { this.realtimeActive = value; return this; }
        /** Sets {@code effort}. */
        public Builder effort(String value) { this.effort = value; return this; }
        /** Sets {@code summary}. */
        public Builder summary(String value) { this.summary = value; return this; }
        /** Sets {@code user_instructions}. */
        public Builder userInstructions(String value) { this.userInstructions = value; return this; }
        /** Sets {@code developer_instructions}. */
        public Builder developerInstructions(String value) { this.developerInstructions = value; return this; }
        /** Sets {@code final_output_json_schema}. */
        public Builder finalOutputJsonSchema(JsonNode value) { this.finalOutputJsonSchema = value; return this; }
        /** Sets {@code truncation_policy}. */
        public Builder truncationPolicy(JsonNode value) { this.truncationPolicy = value; return this; }

        /** The turn context. */
        public TurnContext build() {
            return new TurnContext(turnId, traceId, cwd, currentDate, timezone, approvalPolicy, sandboxPolicy,
                    permissionProfile, network, fileSystemSandboxPolicy, model, personality, collaborationMode,
                    realtimeActive, effort, summary, userInstructions, developerInstructions, finalOutputJsonSchema,
                    truncationPolicy, Map.of());
        }
    }
}
