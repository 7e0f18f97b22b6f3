package dev.jcodex.core;

import dev.jcodex.common.Ids;
import dev.jcodex.core.tools.ToolRouter;
import dev.jcodex.core.tools.TurnAbortedException;
import dev.jcodex.modelclient.ModelClientException;
import dev.jcodex.modelclient.RequestContext;
import dev.jcodex.modelclient.ResponseEvent;
import dev.jcodex.modelclient.ResponseStream;
import dev.jcodex.modelclient.ResponsesRequest;
import dev.jcodex.modelclient.StreamRetryPolicy;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TokenUsage;
import dev.jcodex.protocol.TurnItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * One sampling step of a turn: send the history, stream the response into events and history, run the tool calls
 * it contains as soon as each call is complete (so tool work overlaps the rest of the stream), and retry the
 * request on retryable failures with "Reconnecting... n/N" notices (spec §3.6).
 */
final class SamplingStep {
    /** What the step produced. */
    record Outcome(boolean needsFollowUp, String lastAgentMessage) {}

    private final Session session;
    private final TurnContext ctx;
    private final ActiveTurn services;
    private final RequestContext requestContext;

    SamplingStep(Session session, TurnContext ctx, ActiveTurn services, RequestContext requestContext) {
        this.session = session;
        this.ctx = ctx;
        this.services = services;
        this.requestContext = requestContext;
    }

    /** Runs the step; null when it failed for good (the error event has been emitted). */
    Outcome run() throws InterruptedException {
        StreamRetryPolicy policy = ctx.client().streamRetryPolicy();
        int retries = 0;
        boolean followUp = false;
        String lastMessage = null;
        while (true) {
            Attempt attempt = new Attempt();
            try {
                attempt.stream();
                attempt.finishTools();
                return new Outcome(followUp || attempt.toolCalls > 0, attempt.lastMessage != null
                        ? attempt.lastMessage : lastMessage);
            } catch (ModelClientException e) {
                attempt.finishTools();
                followUp |= attempt.toolCalls > 0;
                lastMessage = attempt.lastMessage != null ? attempt.lastMessage : lastMessage;
                if (e instanceof ModelClientException.Interrupted || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("turn interrupted");
                }
                if (!policy.shouldRetry(retries + 1, e)) {
                    session.emit(new EventMsg.Error(ctx.turnId(), e.getMessage(), null, false, errorInfo(e)));
                    return null;
                }
                retries++;
                session.emit(new EventMsg.Error(ctx.turnId(), "Reconnecting... " + retries + "/"
                        + policy.maxRetries(), e.getMessage(), true, null));
                Thread.sleep(policy.delayFor(retries, e));
            }
        }
    }

    private ResponsesRequest buildRequest() {
        List<ResponseItem> input = new ArrayList<>();
        input.add(InitialContext.baseInstructionsMessage(InitialContext.baseInstructions(
                session.config.instructions())));
        input.addAll(PromptHistory.forPrompt(session.historySnapshot()));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("session_id", session.threadId());
        metadata.put("thread_id", session.threadId());
        metadata.put("turn_id", ctx.turnId());
        metadata.put("x-codex-window-id", requestContext.windowId());
        return ctx.client().newRequest()
                .input(input)
                .tools(ctx.router().specs())
                .reasoningEffort(ctx.effort())
                .reasoningSummary(ctx.summary())
                .verbosity(ctx.verbosity())
                .outputSchema(ctx.outputSchema())
                .promptCacheKey(session.threadId())
                .clientMetadata(metadata)
                .build();
    }

    private static String errorInfo(ModelClientException e) {
        return switch (e) {
            case ModelClientException.ContextWindowExceeded c -> "contextWindowExceeded";
            case ModelClientException.UsageLimitReached u -> "usageLimitExceeded";
            case ModelClientException.QuotaExceeded q -> "usageLimitExceeded";
            case ModelClientException.Unauthorized u -> "unauthorized";
            case ModelClientException.ServerOverloaded s -> "serverOverloaded";
            case ModelClientException.InternalServerError s -> "internalServerError";
            default -> null;
        };
    }

    /** Tools that start a process, so their announcement is worth warming the launcher for. */
    private static final java.util.Set<String> COMMAND_TOOLS =
            java.util.Set.of("exec_command", "shell", "shell_command", "container.exec");

    /** One HTTP request/stream and the tool calls it started. */
    private final class Attempt {
        private final List<Future<ResponseItem>> pendingTools = new ArrayList<>();
        private final Map<String, StringBuilder> messageText = new LinkedHashMap<>();
        int toolCalls;
        String lastMessage;
        /** Ids generated at output_item.added for items the provider sent without one (Chat Completions). */
        private String generatedMessageId;
        private String generatedReasoningId;

        void stream() throws InterruptedException {
            session.rollout.flush();
            try (ResponseStream stream = ctx.client().stream(buildRequest(), requestContext)) {
                prewarmCommands();
                ResponseEvent event;
                while ((event = stream.next()) != null) {
                    handle(event);
                }
            }
        }

        private void handle(ResponseEvent event) {
            switch (event) {
                case ResponseEvent.OutputItemAdded a -> started(a.item());
                case ResponseEvent.OutputItemDone d -> done(d.item());
                case ResponseEvent.OutputTextDelta d -> {
                    messageText.computeIfAbsent(d.itemId(), k -> new StringBuilder()).append(d.delta());
                    session.emit(new EventMsg.AgentMessageDelta(ctx.turnId(), d.itemId(), d.delta()));
                }
                case ResponseEvent.ReasoningSummaryDelta d -> session.emit(new EventMsg.ReasoningSummaryDelta(
                        ctx.turnId(), d.itemId(), d.summaryIndex(), d.delta()));
                case ResponseEvent.ReasoningContentDelta d -> session.emit(new EventMsg.ReasoningContentDelta(
                        ctx.turnId(), d.itemId(), d.contentIndex(), d.delta()));
                case ResponseEvent.Completed c -> completed(c.usage());
                case ResponseEvent.Created c -> { }
                case ResponseEvent.ReasoningSummaryPartAdded p -> { }
                case ResponseEvent.CustomToolCallInputDelta d -> { }
                case ResponseEvent.RateLimits r -> { }
                case ResponseEvent.ModelsEtag m -> { }
                case ResponseEvent.ServerModel m -> { }
                case ResponseEvent.TurnState t -> { }
            }
        }

        private void started(ResponseItem item) {
            switch (item) {
                case ResponseItem.Message m when "assistant".equals(m.role()) -> {
                    String id = m.id() != null ? m.id() : (generatedMessageId = Ids.newId());
                    session.emit(new EventMsg.ItemStarted(ctx.turnId(), new TurnItem.AgentMessage(id, "", m.phase())));
                }
                case ResponseItem.Reasoning r -> {
                    String id = r.id() != null ? r.id() : (generatedReasoningId = Ids.newId());
                    session.emit(new EventMsg.ItemStarted(ctx.turnId(), new TurnItem.Reasoning(id, List.of(),
                            List.of())));
                }
                case ResponseItem.WebSearchCall w -> session.emit(new EventMsg.ItemStarted(ctx.turnId(),
                        TurnItems.webSearch(w, itemId(w.id()))));
                default -> {
                    if (startsCommand(item)) {
                        // Link the process launcher (~75 ms cold) while the model streams the call's arguments.
                        session.execRuntime.prewarm(sandboxed());
                    }
                }
            }
        }

        /**
         * While the model thinks, the machine is idle: link the process launcher (and probe the sandbox) now when
         * this turn offers a command tool, so a first command does not pay ~75 ms of cold native linking after its
         * call arrives. Idempotent; costs nothing once done.
         */
        private void prewarmCommands() {
            if (COMMAND_TOOLS.stream().anyMatch(ctx.router()::offers) || ctx.router().offers("local_shell")) {
                session.execRuntime.prewarm(sandboxed());
            }
        }

        /** Whether this turn's commands run under a sandbox (so its probe is worth warming too). */
        private boolean sandboxed() {
            return !(ctx.sandboxPolicy() instanceof SandboxPolicy.DangerFullAccess);
        }

        private static boolean startsCommand(ResponseItem item) {
            return item instanceof ResponseItem.LocalShellCall
                    || item instanceof ResponseItem.FunctionCall call && COMMAND_TOOLS.contains(call.name());
        }

        private void done(ResponseItem item) {
            if (item instanceof ResponseItem.Message m && "assistant".equals(m.role()) && m.id() == null) {
                String id = generatedMessageId != null ? generatedMessageId : Ids.newId();
                generatedMessageId = null;
                item = new ResponseItem.Message(id, m.role(), m.content(), m.endTurn(), m.phase());
            }
            session.record(item);
            switch (item) {
                case ResponseItem.Message m when "assistant".equals(m.role()) -> {
                    String text = m.joinedText();
                    lastMessage = text;
                    session.emit(new EventMsg.ItemCompleted(ctx.turnId(),
                            new TurnItem.AgentMessage(m.id(), text, m.phase())));
                }
                case ResponseItem.Reasoning r -> {
                    String id = r.id() != null ? r.id()
                            : generatedReasoningId != null ? generatedReasoningId : Ids.newId();
                    generatedReasoningId = null;
                    session.emit(new EventMsg.ItemCompleted(ctx.turnId(), TurnItems.reasoning(r, id)));
                }
                case ResponseItem.WebSearchCall w -> session.emit(new EventMsg.ItemCompleted(ctx.turnId(),
                        TurnItems.webSearch(w, itemId(w.id()))));
                default -> {
                    if (ToolRouter.isToolCall(item)) {
                        dispatch(item);
                    }
                }
            }
        }

        private void dispatch(ResponseItem call) {
            toolCalls++;
            ResponseItem toolCall = call;
            FutureTask<ResponseItem> task = new FutureTask<>(() -> ctx.router().dispatch(toolCall, services));
            Thread.ofVirtual().name("tool-" + toolCalls).start(task);
            pendingTools.add(task);
        }

        private void completed(TokenUsage usage) {
            if (usage == null) {
                return;
            }
            TokenUsage total = session.addUsage(usage);
            session.emit(new EventMsg.TokenCount(ctx.turnId(), total, usage, ctx.model().contextWindow()));
        }

        /** Waits for every started tool call and records its output, in call order. */
        void finishTools() throws InterruptedException {
            try {
            for (Future<ResponseItem> f : pendingTools) {
                    try {
                        session.record(f.get());
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof TurnAbortedException abort) {
                            throw abort;
                        }
                        if (cause instanceof InterruptedException ie) {
                            throw ie;
                        }
                        throw new IllegalStateException("tool call failed unexpectedly", cause);
                    }
                }
            } catch (InterruptedException | RuntimeException e) {
                pendingTools.forEach(f -> f.cancel(true));
                throw e;
            } finally {
                pendingTools.clear();
            }
        }

        private String itemId(String id) {
            return id != null ? id : Ids.newId();
        }
    }
}
