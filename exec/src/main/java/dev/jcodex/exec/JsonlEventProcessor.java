package dev.jcodex.exec;

import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadTokenUsage;
import dev.jcodex.appserver.protocol.TokenUsageBreakdown;
import dev.jcodex.appserver.protocol.TurnPlanStep;
import dev.jcodex.protocol.ExecItem;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ThreadEvent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code codex exec --json}: maps v2 notifications to {@link ThreadEvent} lines on stdout (spec §2), with item ids
 * {@code item_0}, {@code item_1}, … assigned in order of first appearance.
 */
final class JsonlEventProcessor implements EventProcessor {
    private final PrintStream out;
    private final PrintStream err;
    private final Path lastMessageFile;
    private final Map<String, String> startedIds = new HashMap<>();
    private long nextItemId;
    private TodoList runningTodoList;
    private ThreadTokenUsage lastUsage;
    private String lastCriticalError;
    private String finalMessage;
    private boolean emitFinalMessage;

    private record TodoList(String id, List<ExecItem.TodoItem> items) {}

    JsonlEventProcessor(PrintStream out, PrintStream err, Path lastMessageFile) {
        this.out = out;
        this.err = err;
        this.lastMessageFile = lastMessageFile;
    }

    @Override
    public void printConfigSummary(SessionHeader header, String prompt) {
        emit(new ThreadEvent.ThreadStarted(header.threadId()));
    }

    @Override
    public Status process(ServerNotification notification) {
        for (ThreadEvent event : collect(notification)) {
            emit(event);
        }
        return notification instanceof ServerNotification.TurnCompleted ? Status.SHUTDOWN : Status.RUNNING;
    }

    @Override
    public void printFinalOutput() {
        if (emitFinalMessage && lastMessageFile != null) {
            LastMessageFile.write(lastMessageFile, finalMessage, err);
        }
    }

    /** The events one notification produces (also used by tests). */
    List<ThreadEvent> collect(ServerNotification notification) {
        List<ThreadEvent> events = new ArrayList<>();
        switch (notification) {
            case ServerNotification.ConfigWarning w -> events.add(errorItem(withDetails(w.summary(), w.details())));
            case ServerNotification.Warning w -> events.add(errorItem(w.message()));
            case ServerNotification.DeprecationNotice d -> events.add(errorItem(withDetails(d.summary(), d.details())));
            case ServerNotification.Error e -> {
                String message = e.error().messageWithDetails();
                lastCriticalError = message;
                events.add(new ThreadEvent.Error(message));
            }
            case ServerNotification.ModelRerouted r -> events.add(errorItem("model rerouted: " + r.fromModel() + " -> "
                    + r.toModel() + " (" + debugName(r.reason()) + ")"));
            case ServerNotification.ItemStarted s -> mapStarted(s.item())
                    .ifPresent(item -> events.add(new ThreadEvent.ItemStarted(item)));
            case ServerNotification.ItemCompleted c -> mapCompleted(c.item()).ifPresent(item -> {
                if (item instanceof ExecItem.AgentMessage message) {
                    finalMessage = message.text();
                }
                events.add(new ThreadEvent.ItemCompleted(item));
            });
            case ServerNotification.ThreadTokenUsageUpdated u -> lastUsage = u.tokenUsage();
            case ServerNotification.TurnStarted t -> events.add(new ThreadEvent.TurnStarted());
            case ServerNotification.TurnPlanUpdated p -> events.add(planUpdated(p.plan()));
            case ServerNotification.TurnCompleted c -> turnCompleted(c, events);
            case ServerNotification.ThreadStarted t -> { }
            case ServerNotification.AgentMessageDelta d -> { }
            case ServerNotification.ReasoningSummaryTextDelta d -> { }
            case ServerNotification.ReasoningTextDelta d -> { }
            case ServerNotification.CommandExecutionOutputDelta d -> { }
            case ServerNotification.TurnDiffUpdated d -> { }
            case ServerNotification.ServerRequestResolved r -> { }
            case ServerNotification.Unknown u -> { }
        }
        return events;
    }

    private void turnCompleted(ServerNotification.TurnCompleted c, List<ThreadEvent> events) {
        if (runningTodoList != null) {
            events.add(new ThreadEvent.ItemCompleted(new ExecItem.TodoList(runningTodoList.id(), runningTodoList.items())));
            runningTodoList = null;
        }
        for (ThreadItem item : c.turn().items()) {
            if (startedIds.containsKey(item.id())) {
                mapCompleted(item).ifPresent(mapped -> events.add(new ThreadEvent.ItemCompleted(mapped)));
            }
        }
        switch (c.turn().status()) {
            case COMPLETED -> {
                FinalMessage.fromTurnItems(c.turn().items()).ifPresent(m -> finalMessage = m);
                emitFinalMessage = true;
                events.add(new ThreadEvent.TurnCompleted(usage()));
            }
            case FAILED -> {
                finalMessage = null;
                emitFinalMessage = false;
                String message = c.turn().error() != null ? c.turn().error().messageWithDetails()
                        : lastCriticalError != null ? lastCriticalError : "turn failed";
                events.add(new ThreadEvent.TurnFailed(new ThreadEvent.ErrorBody(message)));
            }
            case INTERRUPTED -> {
                finalMessage = null;
                emitFinalMessage = false;
            }
            case IN_PROGRESS -> { }
        }
    }

    private ThreadEvent planUpdated(List<TurnPlanStep> plan) {
        List<ExecItem.TodoItem> items = plan.stream()
                .map(s -> new ExecItem.TodoItem(s.step(), s.status() == TurnPlanStep.Status.COMPLETED))
                .toList();
        if (runningTodoList != null) {
            runningTodoList = new TodoList(runningTodoList.id(), items);
            return new ThreadEvent.ItemUpdated(new ExecItem.TodoList(runningTodoList.id(), items));
        }
        runningTodoList = new TodoList(nextId(), items);
        return new ThreadEvent.ItemStarted(new ExecItem.TodoList(runningTodoList.id(), items));
    }

    private Optional<ExecItem> mapStarted(ThreadItem item) {
        if (item instanceof ThreadItem.AgentMessage || item instanceof ThreadItem.Reasoning) {
            return Optional.empty();
        }
        return map(item, () -> startedIds.computeIfAbsent(item.id(), raw -> nextId()));
    }

    private Optional<ExecItem> mapCompleted(ThreadItem item) {
        if (item instanceof ThreadItem.Reasoning r && String.join("\n", r.summary()).isBlank()) {
            return Optional.empty();
        }
        if (item instanceof ThreadItem.AgentMessage || item instanceof ThreadItem.Reasoning) {
            return map(item, this::nextId);
        }
        return map(item, () -> {
            String started = startedIds.remove(item.id());
            return started != null ? started : nextId();
        });
    }

    /** The exec form of {@code item}, taking an id from {@code id} only for kinds exec prints. */
    private static Optional<ExecItem> map(ThreadItem item, Supplier<String> id) {
        return Optional.ofNullable(switch (item) {
            case ThreadItem.AgentMessage m -> new ExecItem.AgentMessage(id.get(), m.text());
            case ThreadItem.Reasoning r -> new ExecItem.Reasoning(id.get(), String.join("\n", r.summary()));
            case ThreadItem.CommandExecution c -> new ExecItem.CommandExecution(id.get(), c.command(),
                    c.aggregatedOutput() == null ? "" : c.aggregatedOutput(), c.exitCode(), ExecItems.status(c.status()));
            case ThreadItem.FileChange f -> new ExecItem.FileChange(id.get(), ExecItems.changes(f.changes()),
                    ExecItems.status(f.status()));
            case ThreadItem.McpToolCall m -> ExecItems.mcpToolCall(id.get(), m);
            case ThreadItem.WebSearch w -> new ExecItem.WebSearch(id.get(), w.query(), ExecItems.webSearchAction(w.action()));
            case ThreadItem.UserMessage u -> null;
            case ThreadItem.Plan p -> null;
            case ThreadItem.ImageView i -> null;
            case ThreadItem.ContextCompaction c -> null;
            case ThreadItem.Other o -> null;
        });
    }

    private ThreadEvent.Usage usage() {
        TokenUsageBreakdown t = lastUsage == null || lastUsage.total() == null ? TokenUsageBreakdown.ZERO : lastUsage.total();
        return new ThreadEvent.Usage(t.inputTokens(), t.cachedInputTokens(), t.cacheWriteInputTokens(),
                t.outputTokens(), t.reasoningOutputTokens());
    }

    private ThreadEvent errorItem(String message) {
        return new ThreadEvent.ItemCompleted(new ExecItem.Error(nextId(), message));
    }

    private String nextId() {
        return "item_" + nextItemId++;
    }

    private static String withDetails(String summary, String details) {
        return details == null || details.isEmpty() ? summary : summary + " (" + details + ")";
    }

    /** The reference prints the reroute reason's Rust variant name: {@code highRiskCyberActivity} → {@code HighRiskCyberActivity}. */
    private static String debugName(String reason) {
        if (reason == null || reason.isEmpty()) {
            return String.valueOf(reason);
        }
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }

    private void emit(ThreadEvent event) {
        String line;
        try {
            line = ProtocolJson.write(event);
        } catch (JacksonException e) {
            ObjectNode fallback = JsonNodeFactory.instance.objectNode()
                    .put("type", "error")
                    .put("message", "failed to serialize exec json event: " + e.getOriginalMessage());
            line = ProtocolJson.write(fallback);
        }
        out.print(line + "\n");
        out.flush();
    }
}
