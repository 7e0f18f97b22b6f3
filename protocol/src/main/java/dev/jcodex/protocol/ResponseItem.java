package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An item of conversation history as the Responses API sees it (input items sent, output items received).
 * Tagged by {@code type}; unknown types read as {@link Other} and are dropped from history.
 * Members are written in the order the reference writes them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type",
        defaultImpl = ResponseItem.Other.class)
@JsonSubTypes({
        @JsonSubTypes.Type(ResponseItem.Message.class),
        @JsonSubTypes.Type(ResponseItem.Reasoning.class),
        @JsonSubTypes.Type(ResponseItem.FunctionCall.class),
        @JsonSubTypes.Type(ResponseItem.FunctionCallOutput.class),
        @JsonSubTypes.Type(ResponseItem.CustomToolCall.class),
        @JsonSubTypes.Type(ResponseItem.CustomToolCallOutput.class),
        @JsonSubTypes.Type(ResponseItem.LocalShellCall.class),
        @JsonSubTypes.Type(ResponseItem.WebSearchCall.class),
        @JsonSubTypes.Type(ResponseItem.Compaction.class),
        @JsonSubTypes.Type(ResponseItem.Other.class)})
public sealed interface ResponseItem {

    /** A message from {@code user}, {@code assistant}, {@code developer} or {@code system}. */
    @JsonTypeName("message")
    record Message(
            @JsonProperty("id") String id,
            @JsonProperty("role") String role,
            @JsonProperty("content") List<ContentItem> content,
            @JsonProperty("end_turn") Boolean endTurn,
            @JsonProperty("phase") String phase) implements ResponseItem {
        public Message {
            content = List.copyOf(content);
        }

        /** A message with no id, end-turn flag or phase. */
        public static Message of(String role, List<ContentItem> content) {
            return new Message(null, role, content, null, null);
        }

        /** A message of one text part ({@code output_text} for the assistant, else {@code input_text}). */
        public static Message text(String role, String text) {
            ContentItem part = "assistant".equals(role) ? new ContentItem.OutputText(text) : new ContentItem.InputText(text);
            return of(role, List.of(part));
        }

        /** All text parts joined. */
        public String joinedText() {
            StringBuilder sb = new StringBuilder();
            for (ContentItem c : content) {
                String t = c.textOrNull();
                if (t != null) {
                    sb.append(t);
                }
            }
            return sb.toString();
        }
    }

    /** A reasoning summary part. */
    record SummaryText(@JsonProperty("type") String type, @JsonProperty("text") String text) {
        public static SummaryText of(String text) {
            return new SummaryText("summary_text", text);
        }
    }

    /** A raw reasoning content part ({@code reasoning_text} or {@code text}). */
    record ReasoningContent(@JsonProperty("type") String type, @JsonProperty("text") String text) {}

    /** The model's reasoning; {@code content} is written as {@code null} when absent, as the reference does. */
    @JsonTypeName("reasoning")
    record Reasoning(
            @JsonProperty("id") String id,
            @JsonProperty("summary") List<SummaryText> summary,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("content") List<ReasoningContent> content,
            @JsonProperty("encrypted_content") String encryptedContent) implements ResponseItem {
        public Reasoning {
            summary = summary == null ? List.of() : List.copyOf(summary);
        }
    }

    /** A call of a function tool; {@code arguments} is a JSON string. */
    @JsonTypeName("function_call")
    record FunctionCall(
            @JsonProperty("status") String status,
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("namespace") String namespace,
            @JsonProperty("arguments") String arguments,
            @JsonProperty("call_id") String callId) implements ResponseItem {}

    /** The harness's answer to a {@link FunctionCall}. */
    @JsonTypeName("function_call_output")
    record FunctionCallOutput(
            @JsonProperty("id") String id,
            @JsonProperty("call_id") String callId,
            @JsonProperty("output") FunctionCallOutputPayload output) implements ResponseItem {}

    /** A call of a freeform (custom) tool such as {@code apply_patch}; {@code input} is raw text. */
    @JsonTypeName("custom_tool_call")
    record CustomToolCall(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("call_id") String callId,
            @JsonProperty("name") String name,
            @JsonProperty("input") String input) implements ResponseItem {}

    /** The harness's answer to a {@link CustomToolCall}. */
    @JsonTypeName("custom_tool_call_output")
    record CustomToolCallOutput(
            @JsonProperty("id") String id,
            @JsonProperty("call_id") String callId,
            @JsonProperty("name") String name,
            @JsonProperty("output") FunctionCallOutputPayload output) implements ResponseItem {}

    /** The Responses built-in {@code local_shell} call; {@code action} is kept as JSON. */
    @JsonTypeName("local_shell_call")
    record LocalShellCall(
            @JsonProperty("id") String id,
            @JsonProperty("call_id") String callId,
            @JsonProperty("status") String status,
            @JsonProperty("action") JsonNode action) implements ResponseItem {}

    /** A provider-side web search; {@code action} is kept as JSON. */
    @JsonTypeName("web_search_call")
    record WebSearchCall(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("action") JsonNode action) implements ResponseItem {}

    /** An opaque server-side compaction of earlier history. */
    @JsonTypeName("compaction")
    record Compaction(@JsonProperty("encrypted_content") String encryptedContent) implements ResponseItem {}

    /** Any item type this version does not know; never sent back to the model. */
    @JsonTypeName("other")
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other() implements ResponseItem {}

    /** The {@code call_id} of a tool call or tool output, else {@code null}. */
    default String callIdOrNull() {
        return switch (this) {
            case FunctionCall c -> c.callId();
            case FunctionCallOutput o -> o.callId();
            case CustomToolCall c -> c.callId();
            case CustomToolCallOutput o -> o.callId();
            case LocalShellCall c -> c.callId();
            case Message m -> null;
            case Reasoning r -> null;
            case WebSearchCall w -> null;
            case Compaction c -> null;
            case Other o -> null;
        };
    }
}
