package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.CommandExecutionRequestApprovalParams;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalParams;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadTokenUsage;
import dev.jcodex.appserver.protocol.ToolRequestUserInputParams;
import dev.jcodex.appserver.protocol.ToolRequestUserInputQuestion;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnError;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.process.ShellWords;
import dev.jcodex.protocol.EventMsg;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Maps one thread's core events to v2 notifications and server requests (spec §13.5, §13.6). Keeps, per running
 * turn, its start time and the error that failed it, so {@code turn/completed} can report {@code failed} with that
 * error. Used by one pump thread only.
 */
final class EventMapper {
    private final String threadId;
    private final Clock clock;
    private final Map<String, TurnState> turns = new HashMap<>();

    private static final class TurnState {
        final long startedAtMs;
        TurnError error;

        TurnState(long startedAtMs) {
            this.startedAtMs = startedAtMs;
        }
    }

    EventMapper(String threadId, Clock clock) {
        this.threadId = threadId;
        this.clock = clock;
    }

    /** What {@code event} turns into, in sending order. */
    List<Outbound> map(EventMsg event) {
        return switch (event) {
            case EventMsg.TaskStarted s -> {
                long now = clock.millis();
                turns.put(s.turnId(), new TurnState(now));
                yield notify(new ServerNotification.TurnStarted(threadId,
                        new Turn(s.turnId(), List.of(), TurnStatus.IN_PROGRESS, null, now / 1000, null, null)));
            }
            case EventMsg.TaskComplete c -> ended(c.turnId(), TurnStatus.COMPLETED);
            case EventMsg.TurnAborted a -> ended(a.turnId(), TurnStatus.INTERRUPTED);
            case EventMsg.Error e -> {
                TurnError error = new TurnError(e.message(), e.codexErrorInfo() == null ? null
                        : JsonNodeFactory.instance.stringNode(e.codexErrorInfo()), e.additionalDetails());
                if (!e.willRetry() && e.turnId() != null) {
                    TurnState state = turns.get(e.turnId());
                    if (state != null) {
                        state.error = error;
                    }
                }
                yield notify(new ServerNotification.Error(error, e.willRetry(), threadId, e.turnId()));
            }
            case EventMsg.Warning w -> notify(new ServerNotification.Warning(threadId, w.message()));
            case EventMsg.ItemStarted s -> notify(new ServerNotification.ItemStarted(ThreadItems.of(s.item()),
                    threadId, s.turnId()));
            case EventMsg.ItemCompleted c -> notify(new ServerNotification.ItemCompleted(ThreadItems.of(c.item()),
                    threadId, c.turnId()));
            case EventMsg.AgentMessageDelta d -> notify(new ServerNotification.AgentMessageDelta(threadId,
                    d.turnId(), d.itemId(), d.delta()));
            case EventMsg.ReasoningSummaryDelta d -> notify(new ServerNotification.ReasoningSummaryTextDelta(
                    threadId, d.turnId(), d.itemId(), d.delta(), d.summaryIndex()));
            case EventMsg.ReasoningContentDelta d -> notify(new ServerNotification.ReasoningTextDelta(threadId,
                    d.turnId(), d.itemId(), d.delta(), d.contentIndex()));
            case EventMsg.CommandOutputDelta d -> notify(new ServerNotification.CommandExecutionOutputDelta(
                    threadId, d.turnId(), d.itemId(), d.delta()));
            case EventMsg.PlanUpdate p -> notify(new ServerNotification.TurnPlanUpdated(threadId, p.turnId(),
                    p.explanation(), WireValues.plan(p.plan())));
            case EventMsg.TurnDiff d -> notify(new ServerNotification.TurnDiffUpdated(threadId, d.turnId(),
                    d.unifiedDiff()));
            case EventMsg.TokenCount t -> notify(new ServerNotification.ThreadTokenUsageUpdated(threadId, t.turnId(),
                    new ThreadTokenUsage(WireValues.usage(t.total()), WireValues.usage(t.last()),
                            t.modelContextWindow())));
            case EventMsg.ExecApprovalRequest r -> List.of(new Outbound.Ask(Outbound.ApprovalKind.COMMAND_EXECUTION,
                    r.turnId(), r.callId(), new CommandExecutionRequestApprovalParams(threadId, r.turnId(),
                            r.callId(), null, r.reason(), null, r.command() == null ? null
                                    : ShellWords.join(r.command()), r.cwd(), null, null, null, null, null)));
            case EventMsg.PatchApprovalRequest r -> List.of(new Outbound.Ask(Outbound.ApprovalKind.FILE_CHANGE,
                    r.turnId(), r.callId(), new FileChangeRequestApprovalParams(threadId, r.turnId(), r.callId(),
                            r.reason(), r.grantRoot())));
            case EventMsg.RequestUserInput r -> List.of(new Outbound.Ask(Outbound.ApprovalKind.USER_INPUT,
                    r.turnId(), r.callId(), new ToolRequestUserInputParams(threadId, r.turnId(), r.callId(),
                            questions(r.questions()))));
            case EventMsg.ShutdownComplete s -> List.of();
        };
    }

    private static List<ToolRequestUserInputQuestion> questions(tools.jackson.databind.JsonNode questions) {
        List<ToolRequestUserInputQuestion> out = new java.util.ArrayList<>();
        for (tools.jackson.databind.JsonNode q : questions) {
            out.add(dev.jcodex.protocol.ProtocolJson.mapper().treeToValue(q, ToolRequestUserInputQuestion.class));
        }
        return out;
    }

    /** Pending approvals are resolved first, then {@code turn/completed} (failed when a fatal error was seen). */
    private List<Outbound> ended(String turnId, TurnStatus status) {
        TurnState state = turns.remove(turnId);
        long now = clock.millis();
        TurnError error = state == null ? null : state.error;
        TurnStatus finalStatus = status == TurnStatus.COMPLETED && error != null ? TurnStatus.FAILED : status;
        Long startedAt = state == null ? null : state.startedAtMs / 1000;
        Long durationMs = state == null ? null : Math.max(0, now - state.startedAtMs);
        Turn turn = new Turn(turnId, List.of(), finalStatus, finalStatus == TurnStatus.FAILED ? error : null,
                startedAt, now / 1000, durationMs);
        return List.of(new Outbound.TurnEnded(turnId),
                new Outbound.Notify(new ServerNotification.TurnCompleted(threadId, turn)));
    }

    private static List<Outbound> notify(ServerNotification notification) {
        return List.of(new Outbound.Notify(notification));
    }
}
