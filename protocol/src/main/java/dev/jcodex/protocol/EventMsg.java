package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * What a thread reports, in order, on its event queue. The app-server maps these to v2 notifications; the persisted
 * subset goes into rollouts as {@code event_msg} lines.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(EventMsg.TaskStarted.class),
        @JsonSubTypes.Type(EventMsg.TaskComplete.class),
        @JsonSubTypes.Type(EventMsg.TurnAborted.class),
        @JsonSubTypes.Type(EventMsg.Error.class),
        @JsonSubTypes.Type(EventMsg.Warning.class),
        @JsonSubTypes.Type(EventMsg.ItemStarted.class),
        @JsonSubTypes.Type(EventMsg.ItemCompleted.class),
        @JsonSubTypes.Type(EventMsg.AgentMessageDelta.class),
        @JsonSubTypes.Type(EventMsg.ReasoningSummaryDelta.class),
        @JsonSubTypes.Type(EventMsg.ReasoningContentDelta.class),
        @JsonSubTypes.Type(EventMsg.CommandOutputDelta.class),
        @JsonSubTypes.Type(EventMsg.PlanUpdate.class),
        @JsonSubTypes.Type(EventMsg.TurnDiff.class),
        @JsonSubTypes.Type(EventMsg.TokenCount.class),
        @JsonSubTypes.Type(EventMsg.ExecApprovalRequest.class),
        @JsonSubTypes.Type(EventMsg.PatchApprovalRequest.class),
        @JsonSubTypes.Type(EventMsg.RequestUserInput.class),
        @JsonSubTypes.Type(EventMsg.ShutdownComplete.class)})
public sealed interface EventMsg {

    @JsonTypeName("task_started")
    record TaskStarted(@JsonProperty("turn_id") String turnId,
            @JsonProperty("model_context_window") Long modelContextWindow) implements EventMsg {}

    @JsonTypeName("task_complete")
    record TaskComplete(@JsonProperty("turn_id") String turnId,
            @JsonProperty("last_agent_message") String lastAgentMessage) implements EventMsg {}

    /** Why a turn ended early. */
    enum AbortReason { INTERRUPTED, REPLACED }

    @JsonTypeName("turn_aborted")
    record TurnAborted(@JsonProperty("turn_id") String turnId, @JsonProperty("reason") AbortReason reason)
            implements EventMsg {}

    /**
     * An error of the turn. {@code willRetry} marks "Reconnecting… n/N" notices; {@code fatal} ones end the turn
     * as failed; {@code codexErrorInfo} classifies it (e.g. {@code contextWindowExceeded}).
     */
    @JsonTypeName("error")
    record Error(@JsonProperty("turn_id") String turnId, @JsonProperty("message") String message,
            @JsonProperty("additional_details") String additionalDetails,
            @JsonProperty("will_retry") boolean willRetry,
            @JsonProperty("codex_error_info") String codexErrorInfo) implements EventMsg {}

    @JsonTypeName("warning")
    record Warning(@JsonProperty("turn_id") String turnId, @JsonProperty("message") String message)
            implements EventMsg {}

    @JsonTypeName("item_started")
    record ItemStarted(@JsonProperty("turn_id") String turnId, @JsonProperty("item") TurnItem item)
            implements EventMsg {}

    @JsonTypeName("item_completed")
    record ItemCompleted(@JsonProperty("turn_id") String turnId, @JsonProperty("item") TurnItem item)
            implements EventMsg {}

    @JsonTypeName("agent_message_delta")
    record AgentMessageDelta(@JsonProperty("turn_id") String turnId, @JsonProperty("item_id") String itemId,
            @JsonProperty("delta") String delta) implements EventMsg {}

    @JsonTypeName("reasoning_summary_delta")
    record ReasoningSummaryDelta(@JsonProperty("turn_id") String turnId, @JsonProperty("item_id") String itemId,
            @JsonProperty("summary_index") int summaryIndex, @JsonProperty("delta") String delta) implements EventMsg {}

    @JsonTypeName("reasoning_content_delta")
    record ReasoningContentDelta(@JsonProperty("turn_id") String turnId, @JsonProperty("item_id") String itemId,
            @JsonProperty("content_index") int contentIndex, @JsonProperty("delta") String delta) implements EventMsg {}

    @JsonTypeName("exec_command_output_delta")
    record CommandOutputDelta(@JsonProperty("turn_id") String turnId, @JsonProperty("item_id") String itemId,
            @JsonProperty("delta") String delta) implements EventMsg {}

    @JsonTypeName("plan_update")
    record PlanUpdate(@JsonProperty("turn_id") String turnId, @JsonProperty("explanation") String explanation,
            @JsonProperty("plan") List<PlanItem> plan) implements EventMsg {}

    @JsonTypeName("turn_diff")
    record TurnDiff(@JsonProperty("turn_id") String turnId, @JsonProperty("unified_diff") String unifiedDiff)
            implements EventMsg {}

    /** Thread-cumulative ({@code total}) and last-response ({@code last}) usage. */
    @JsonTypeName("token_count")
    record TokenCount(@JsonProperty("turn_id") String turnId, @JsonProperty("total") TokenUsage total,
            @JsonProperty("last") TokenUsage last,
            @JsonProperty("model_context_window") Long modelContextWindow) implements EventMsg {}

    @JsonTypeName("exec_approval_request")
    record ExecApprovalRequest(@JsonProperty("turn_id") String turnId, @JsonProperty("call_id") String callId,
            @JsonProperty("command") List<String> command, @JsonProperty("cwd") String cwd,
            @JsonProperty("reason") String reason) implements EventMsg {}

    @JsonTypeName("apply_patch_approval_request")
    record PatchApprovalRequest(@JsonProperty("turn_id") String turnId, @JsonProperty("call_id") String callId,
            @JsonProperty("changes") java.util.Map<String, TurnItem.FileDelta> changes,
            @JsonProperty("reason") String reason, @JsonProperty("grant_root") String grantRoot) implements EventMsg {}

    /**
     * The model asks the user questions ({@code request_user_input}); the answer comes back as
     * {@link Op.UserInputAnswer} with the same {@code callId}.
     *
     * @param questions the tool's {@code questions} array as the model sent it (validated)
     */
    @JsonTypeName("request_user_input")
    record RequestUserInput(@JsonProperty("turn_id") String turnId, @JsonProperty("call_id") String callId,
            @JsonProperty("questions") tools.jackson.databind.JsonNode questions) implements EventMsg {}

    @JsonTypeName("shutdown_complete")
    record ShutdownComplete() implements EventMsg {}

    /** The turn id this event belongs to, or {@code null}. */
    default String turnIdOrNull() {
        return switch (this) {
            case TaskStarted e -> e.turnId();
            case TaskComplete e -> e.turnId();
            case TurnAborted e -> e.turnId();
            case Error e -> e.turnId();
            case Warning e -> e.turnId();
            case ItemStarted e -> e.turnId();
            case ItemCompleted e -> e.turnId();
            case AgentMessageDelta e -> e.turnId();
            case ReasoningSummaryDelta e -> e.turnId();
            case ReasoningContentDelta e -> e.turnId();
            case CommandOutputDelta e -> e.turnId();
            case PlanUpdate e -> e.turnId();
            case TurnDiff e -> e.turnId();
            case TokenCount e -> e.turnId();
            case ExecApprovalRequest e -> e.turnId();
            case PatchApprovalRequest e -> e.turnId();
            case RequestUserInput e -> e.turnId();
            case ShutdownComplete e -> null;
        };
    }
}
