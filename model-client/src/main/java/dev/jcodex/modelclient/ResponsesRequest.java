package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.Verbosity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /responses} (spec §3.2), serialised with {@link ProtocolJson} in this member order.
 * {@code instructions}, {@code service_tier}, {@code prompt_cache_key}, {@code text}, {@code client_metadata}
 * and {@code tools} are omitted when null; {@code reasoning} is always written (as {@code null} when the model
 * does not support reasoning summaries). Build one with {@link #builder(ModelInfo)}.
 */
public record ResponsesRequest(
        @JsonProperty("model") String model,
        @JsonProperty("instructions") String instructions,
        @JsonProperty("input") List<ResponseItem> input,
        @JsonProperty("tools") List<JsonNode> tools,
        @JsonProperty("tool_choice") String toolChoice,
        @JsonProperty("parallel_tool_calls") boolean parallelToolCalls,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("reasoning") Reasoning reasoning,
        @JsonProperty("store") boolean store,
        @JsonProperty("stream") boolean stream,
        @JsonProperty("include") List<String> include,
        @JsonProperty("service_tier") String serviceTier,
        @JsonProperty("prompt_cache_key") String promptCacheKey,
        @JsonProperty("text") TextControls text,
        @JsonProperty("client_metadata") Map<String, String> clientMetadata) {

    /** The only {@code include} value the reference sends (with reasoning). */
    public static final String ENCRYPTED_REASONING = "reasoning.encrypted_content";

    public ResponsesRequest {
        Objects.requireNonNull(model, "model");
        input = List.copyOf(input);
        tools = tools == null ? null : List.copyOf(tools);
        include = include == null ? List.of() : List.copyOf(include);
        clientMetadata = clientMetadata == null ? null : Collections.unmodifiableMap(
                new LinkedHashMap<>(clientMetadata));
    }

    /** {@code reasoning}: effort and summary, each omitted when null. */
    public record Reasoning(@JsonProperty("effort") ReasoningEffort effort,
                            @JsonProperty("summary") ReasoningSummary summary) {}

    /** {@code text}: verbosity and/or the output-schema format, each omitted when null. */
    public record TextControls(@JsonProperty("verbosity") Verbosity verbosity,
                               @JsonProperty("format") OutputFormat format) {}

    /** {@code text.format} for {@code --output-schema}: strict JSON schema named {@code codex_output_schema}. */
    public record OutputFormat(@JsonProperty("type") String type, @JsonProperty("strict") boolean strict,
                               @JsonProperty("schema") JsonNode schema, @JsonProperty("name") String name) {
        /** The reference's format for an output schema. */
        public static OutputFormat jsonSchema(JsonNode schema) {
            return new OutputFormat("json_schema", true, schema, "codex_output_schema");
        }
    }

    /** Compact JSON of this body. */
    public String toJson() {
        return ProtocolJson.write(this);
    }

    /** A builder seeded with the defaults {@code model} implies (parallel tool calls, reasoning, verbosity). */
    public static Builder builder(ModelInfo model) {
        return new Builder(model);
    }

    /**
     * Builds a {@link ResponsesRequest} applying the rules of spec §3.2: {@code reasoning} only for models with
     * reasoning summaries (effort = configured or model default; summary = configured or model default, left out
     * when {@code none}); {@code include} follows reasoning; verbosity only for models that support it;
     * {@code text.format} only with an output schema.
     */
    public static final class Builder {
        private final ModelInfo model;
        private String instructions;
        private List<ResponseItem> input = List.of();
        private List<JsonNode> tools = List.of();
        private ReasoningEffort effort;
        private ReasoningSummary summary;
        private Verbosity verbosity;
        private JsonNode outputSchema;
        private boolean store;
        private String serviceTier;
        private String promptCacheKey;
        private Map<String, String> clientMetadata;

        private Builder(ModelInfo model) {
            this.model = Objects.requireNonNull(model);
        }

        /** Base instructions; null leaves {@code instructions} out (the reference sends them as input). */
        public Builder instructions(String text) {
            this.instructions = text;
            return this;
        }

        /** The conversation items. */
        public Builder input(List<ResponseItem> items) {
            this.input = new ArrayList<>(items);
            return this;
        }

        /** Tool specs as JSON; null leaves {@code tools} out entirely. */
        public Builder tools(List<JsonNode> specs) {
            this.tools = specs == null ? null : new ArrayList<>(specs);
            return this;
        }

        /** {@code model_reasoning_effort}; null = the model default. */
        public Builder reasoningEffort(ReasoningEffort value) {
            this.effort = value;
            return this;
        }

        /** {@code model_reasoning_summary}; null = the model default. */
        public Builder reasoningSummary(ReasoningSummary value) {
            this.summary = value;
            return this;
        }

        /** {@code model_verbosity}; null = the model default. */
        public Builder verbosity(Verbosity value) {
            this.verbosity = value;
            return this;
        }

        /** The {@code --output-schema} JSON schema; null = none. */
        public Builder outputSchema(JsonNode schema) {
            this.outputSchema = schema;
            return this;
        }

        /** Sets {@code store: true} (Azure-like providers, see {@link ResolvedProvider#isAzure()}). */
        public Builder storeResponses() {
            this.store = true;
            return this;
        }

        /** {@code service_tier} wire value ({@code priority} for {@code fast}, {@code flex}); null = omitted. */
        public Builder serviceTier(String wireValue) {
            this.serviceTier = wireValue;
            return this;
        }

        /** {@code prompt_cache_key} (the thread id). */
        public Builder promptCacheKey(String key) {
            this.promptCacheKey = key;
            return this;
        }

        /** {@code client_metadata}; null = omitted. */
        public Builder clientMetadata(Map<String, String> metadata) {
            this.clientMetadata = metadata;
            return this;
        }

        /** The request. */
        public ResponsesRequest build() {
            Reasoning reasoning = null;
            if (model.supportsReasoningSummaries()) {
                ReasoningEffort e = effort != null ? effort : model.defaultReasoningEffort();
                ReasoningSummary s = summary != null ? summary : model.defaultReasoningSummary();
                reasoning = new Reasoning(e, s == ReasoningSummary.NONE ? null : s);
            }
            Verbosity v = model.supportsVerbosity() ? (verbosity != null ? verbosity : model.defaultVerbosity()) : null;
            OutputFormat format = outputSchema == null ? null : OutputFormat.jsonSchema(outputSchema);
            TextControls text = v == null && format == null ? null : new TextControls(v, format);
            return new ResponsesRequest(model.slug(), instructions, input, tools, "auto",
                    model.supportsParallelToolCalls(), reasoning, store, true,
                    reasoning == null ? List.of() : List.of(ENCRYPTED_REASONING), serviceTier, promptCacheKey, text,
                    clientMetadata);
        }
    }
}
