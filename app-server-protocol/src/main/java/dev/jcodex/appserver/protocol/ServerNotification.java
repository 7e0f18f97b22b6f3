package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A server → client notification (§13.5) with typed params. {@link #decode} reads one from a method name and its
 * params; {@link #toMessage} writes it. Methods this module does not model decode to {@link Unknown}.
 */
public sealed interface ServerNotification {

    /** The method name. */
    default String method() {
        return switch (this) {
            case ThreadStarted n -> Methods.THREAD_STARTED;
            case TurnStarted n -> Methods.TURN_STARTED;
            case TurnCompleted n -> Methods.TURN_COMPLETED;
            case ItemStarted n -> Methods.ITEM_STARTED;
            case ItemCompleted n -> Methods.ITEM_COMPLETED;
            case AgentMessageDelta n -> Methods.ITEM_AGENT_MESSAGE_DELTA;
            case ReasoningSummaryTextDelta n -> Methods.ITEM_REASONING_SUMMARY_TEXT_DELTA;
            case ReasoningTextDelta n -> Methods.ITEM_REASONING_TEXT_DELTA;
            case CommandExecutionOutputDelta n -> Methods.ITEM_COMMAND_EXECUTION_OUTPUT_DELTA;
            case TurnPlanUpdated n -> Methods.TURN_PLAN_UPDATED;
            case TurnDiffUpdated n -> Methods.TURN_DIFF_UPDATED;
            case ThreadTokenUsageUpdated n -> Methods.THREAD_TOKEN_USAGE_UPDATED;
            case Error n -> Methods.ERROR;
            case Warning n -> Methods.WARNING;
            case ConfigWarning n -> Methods.CONFIG_WARNING;
            case DeprecationNotice n -> Methods.DEPRECATION_NOTICE;
            case ModelRerouted n -> Methods.MODEL_REROUTED;
            case ServerRequestResolved n -> Methods.SERVER_REQUEST_RESOLVED;
            case Unknown n -> n.method();
        };
    }

    /** The JSON-RPC notification carrying this. */
    default JsonRpcMessage.Notification toMessage() {
        return switch (this) {
            case Unknown u -> new JsonRpcMessage.Notification(u.method(), u.params());
            default -> JsonRpcMessage.notification(method(), this);
        };
    }

    /**
     * Reads the notification {@code method} with {@code params}; unmodelled methods give {@link Unknown}.
     *
     * @throws AppServerProtocolException when a modelled method's params do not have its shape
     */
    static ServerNotification decode(String method, JsonNode params) {
        Class<? extends ServerNotification> type = switch (method) {
            case Methods.THREAD_STARTED -> ThreadStarted.class;
            case Methods.TURN_STARTED -> TurnStarted.class;
            case Methods.TURN_COMPLETED -> TurnCompleted.class;
            case Methods.ITEM_STARTED -> ItemStarted.class;
            case Methods.ITEM_COMPLETED -> ItemCompleted.class;
            case Methods.ITEM_AGENT_MESSAGE_DELTA -> AgentMessageDelta.class;
            case Methods.ITEM_REASONING_SUMMARY_TEXT_DELTA -> ReasoningSummaryTextDelta.class;
            case Methods.ITEM_REASONING_TEXT_DELTA -> ReasoningTextDelta.class;
            case Methods.ITEM_COMMAND_EXECUTION_OUTPUT_DELTA -> CommandExecutionOutputDelta.class;
            case Methods.TURN_PLAN_UPDATED -> TurnPlanUpdated.class;
            case Methods.TURN_DIFF_UPDATED -> TurnDiffUpdated.class;
            case Methods.THREAD_TOKEN_USAGE_UPDATED -> ThreadTokenUsageUpdated.class;
            case Methods.ERROR -> Error.class;
            case Methods.WARNING -> Warning.class;
            case Methods.CONFIG_WARNING -> ConfigWarning.class;
            case Methods.DEPRECATION_NOTICE -> DeprecationNotice.class;
            case Methods.MODEL_REROUTED -> ModelRerouted.class;
            case Methods.SERVER_REQUEST_RESOLVED -> ServerRequestResolved.class;
            default -> null;
        };
        if (type == null) {
            return new Unknown(method, params);
        }
        if (params == null || !params.isObject()) {
            throw new AppServerProtocolException("notification " + method + " needs an object as params");
        }
        return WireJson.convert(params, type, "notification " + method);
    }

    /** Reads a parsed JSON-RPC notification. */
    static ServerNotification decode(JsonRpcMessage.Notification message) {
        Payload payload = message.payload();
        if (payload != null && payload.isTypedAs(ServerNotification.class)) {
            ServerNotification typed = payload.as(ServerNotification.class, message.method());
            if (typed.method().equals(message.method())) {
                return typed;
            }
        }
        return decode(message.method(), message.params());
    }

    /** {@code thread/started}: a thread was created, resumed or forked. */
    record ThreadStarted(@JsonProperty("thread") AppServerThread thread) implements ServerNotification {}

    /** {@code turn/started}. */
    record TurnStarted(@JsonProperty("threadId") String threadId, @JsonProperty("turn") Turn turn)
            implements ServerNotification {}

    /** {@code turn/completed}: the turn's final status, error and (possibly empty) items. */
    record TurnCompleted(@JsonProperty("threadId") String threadId, @JsonProperty("turn") Turn turn)
            implements ServerNotification {}

    /** {@code item/started}. */
    record ItemStarted(@JsonProperty("item") ThreadItem item, @JsonProperty("threadId") String threadId,
            @JsonProperty("turnId") String turnId) implements ServerNotification {}

    /** {@code item/completed}: the item in its final state. */
    record ItemCompleted(@JsonProperty("item") ThreadItem item, @JsonProperty("threadId") String threadId,
            @JsonProperty("turnId") String turnId) implements ServerNotification {}

    /** {@code item/agentMessage/delta}. */
    record AgentMessageDelta(@JsonProperty("threadId") String threadId, @JsonProperty("turnId") String turnId,
            @JsonProperty("itemId") String itemId, @JsonProperty("delta") String delta)
            implements ServerNotification {}

    /** {@code item/reasoning/summaryTextDelta}. */
    record ReasoningSummaryTextDelta(@JsonProperty("threadId") String threadId,
            @JsonProperty("turnId") String turnId, @JsonProperty("itemId") String itemId,
            @JsonProperty("delta") String delta, @JsonProperty("summaryIndex") long summaryIndex)
            implements ServerNotification {}

    /** {@code item/reasoning/textDelta} (raw reasoning content). */
    record ReasoningTextDelta(@JsonProperty("threadId") String threadId, @JsonProperty("turnId") String turnId,
            @JsonProperty("itemId") String itemId, @JsonProperty("delta") String delta,
            @JsonProperty("contentIndex") long contentIndex) implements ServerNotification {}

    /** {@code item/commandExecution/outputDelta}: decoded stdout/stderr text. */
    record CommandExecutionOutputDelta(@JsonProperty("threadId") String threadId,
            @JsonProperty("turnId") String turnId, @JsonProperty("itemId") String itemId,
            @JsonProperty("delta") String delta) implements ServerNotification {}

    /** {@code turn/plan/updated}: the whole current plan; {@code explanation} is null when not given. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TurnPlanUpdated(@JsonProperty("threadId") String threadId, @JsonProperty("turnId") String turnId,
            @JsonProperty("explanation") String explanation, @JsonProperty("plan") List<TurnPlanStep> plan)
            implements ServerNotification {
        public TurnPlanUpdated {
            plan = plan == null ? List.of() : List.copyOf(plan);
        }
    }

    /** {@code turn/diff/updated}: the turn's aggregated unified diff so far. */
    record TurnDiffUpdated(@JsonProperty("threadId") String threadId, @JsonProperty("turnId") String turnId,
            @JsonProperty("diff") String diff) implements ServerNotification {}

    /** {@code thread/tokenUsage/updated}. */
    record ThreadTokenUsageUpdated(@JsonProperty("threadId") String threadId,
            @JsonProperty("turnId") String turnId, @JsonProperty("tokenUsage") ThreadTokenUsage tokenUsage)
            implements ServerNotification {}

    /** {@code error}: a turn error; {@code willRetry} is true for retryable stream errors ("Reconnecting… n/5"). */
    record Error(@JsonProperty("error") TurnError error, @JsonProperty("willRetry") boolean willRetry,
            @JsonProperty("threadId") String threadId, @JsonProperty("turnId") String turnId)
            implements ServerNotification {}

    /** {@code warning}; {@code threadId} is null for process-wide warnings. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Warning(@JsonProperty("threadId") String threadId, @JsonProperty("message") String message)
            implements ServerNotification {}

    /** {@code configWarning}: a problem in the configuration; {@code path} and {@code range} are omitted when null. */
    record ConfigWarning(
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("summary") String summary,
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("details") String details,
            @JsonProperty("path") String path,
            @JsonProperty("range") JsonNode range) implements ServerNotification {}

    /** {@code deprecationNotice}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeprecationNotice(@JsonProperty("summary") String summary, @JsonProperty("details") String details)
            implements ServerNotification {}

    /** {@code model/rerouted}: the server switched models for this turn. */
    record ModelRerouted(@JsonProperty("threadId") String threadId, @JsonProperty("turnId") String turnId,
            @JsonProperty("fromModel") String fromModel, @JsonProperty("toModel") String toModel,
            @JsonProperty("reason") String reason) implements ServerNotification {}

    /** {@code serverRequest/resolved}: a pending server request was answered (or is no longer needed). */
    record ServerRequestResolved(@JsonProperty("threadId") String threadId,
            @JsonProperty("requestId") RequestId requestId) implements ServerNotification {}

    /** A notification this module does not model, kept raw. */
    record Unknown(String method, JsonNode params) implements ServerNotification {}
}
