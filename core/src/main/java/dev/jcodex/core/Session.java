package dev.jcodex.core;

import dev.jcodex.config.Config;
import dev.jcodex.core.exec.ExecRuntime;
import dev.jcodex.modelclient.AuthEnvironment;
import dev.jcodex.modelclient.CodexApiKeyPolicy;
import dev.jcodex.modelclient.ModelCatalog;
import dev.jcodex.modelclient.ModelClient;
import dev.jcodex.modelclient.ModelInfo;
import dev.jcodex.modelclient.ModelOverrides;
import dev.jcodex.modelclient.ProviderResolver;
import dev.jcodex.modelclient.ResolvedProvider;
import dev.jcodex.modelclient.UserAgent;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.ReviewDecision;
import dev.jcodex.protocol.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Session-scoped state of one thread: config, the conversation history, the rollout, process services, pending
 * approvals, token totals and the event queue. Turns ({@link TurnLoop}) run against it one at a time.
 */
final class Session implements AutoCloseable {
    final CoreEnvironment env;
    final Config config;
    final ThreadInfo info;
    final RolloutRecorder rollout;
    final ExecRuntime execRuntime;
    final TurnLog turnLog = new TurnLog();
    final UserAgent userAgent;
    private final BlockingQueue<CoreEvent> events = new LinkedBlockingQueue<>();
    private final List<ResponseItem> history = new ArrayList<>();
    private final Map<String, CompletableFuture<ReviewDecision>> pendingApprovals = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<tools.jackson.databind.JsonNode>> pendingUserInput =
            new ConcurrentHashMap<>();
    private final Map<String, ModelClient> clients = new ConcurrentHashMap<>();
    private final IndexUpdater index;
    private volatile ThreadSettings settings;
    private boolean initialContextRecorded;
    private TokenUsage totalUsage = TokenUsage.ZERO;
    private String firstUserMessage;

    Session(CoreEnvironment env, Config config, ThreadInfo info, ThreadSettings settings, RolloutRecorder rollout,
            List<ResponseItem> restoredHistory, boolean initialContextRecorded, IndexUpdater index) {
        this.env = env;
        this.config = config;
        this.info = info;
        this.settings = settings;
        this.rollout = rollout;
        this.index = index;
        this.history.addAll(restoredHistory);
        this.initialContextRecorded = initialContextRecorded;
        this.execRuntime = ExecRuntime.create(config, env.env(), env.codexHome());
        this.userAgent = UserAgent.detect(env.originator(), env.cliVersion(), env.env());
    }

    String threadId() {
        return info.id();
    }

    ThreadSettings settings() {
        return settings;
    }

    void updateSettings(ThreadSettings next) {
        settings = next;
    }

    // ---- events --------------------------------------------------------------------------------------------

    /** Queues {@code event} for the front end and persists the persisted subset. */
    void emit(EventMsg event) {
        switch (event) {
            case EventMsg.ItemCompleted c -> turnLog.itemCompleted(c.turnId(), c.item());
            case EventMsg.Error e when !e.willRetry() -> turnLog.failed(e.turnId(), e.message());
            default -> { }
        }
        rollout.recordEvent(threadId(), event, contextWindowFor(event));
        events.add(new CoreEvent(threadId(), event));
    }

    private Long contextWindowFor(EventMsg event) {
        return event instanceof EventMsg.TokenCount t ? t.modelContextWindow() : null;
    }

    CoreEvent nextEvent() throws InterruptedException {
        return events.take();
    }

    CoreEvent pollEvent(java.time.Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    // ---- history -------------------------------------------------------------------------------------------

    /** Appends to the history and the rollout. */
    synchronized void record(ResponseItem item) {
        history.add(item);
        rollout.recordItem(item);
    }

    synchronized List<ResponseItem> historySnapshot() {
        return List.copyOf(history);
    }

    synchronized boolean markInitialContextRecorded() {
        boolean first = !initialContextRecorded;
        initialContextRecorded = true;
        return first;
    }

    synchronized TokenUsage addUsage(TokenUsage usage) {
        totalUsage = totalUsage.plus(usage);
        return totalUsage;
    }

    synchronized TokenUsage totalUsage() {
        return totalUsage;
    }

    synchronized void noteUserMessage(String text) {
        if (firstUserMessage == null && text != null && !text.isBlank()) {
            firstUserMessage = text;
        }
    }

    /** Updates the thread index after a turn (in the background; see {@link IndexUpdater}). */
    void indexAfterTurn(String model) {
        String first;
        synchronized (this) {
            first = firstUserMessage;
        }
        index.afterTurn(info, model, first);
    }

    // ---- approvals -----------------------------------------------------------------------------------------

    /** Registers a pending approval; the returned future completes when the front end answers. */
    CompletableFuture<ReviewDecision> awaitApproval(String callId) {
        CompletableFuture<ReviewDecision> future = new CompletableFuture<>();
        pendingApprovals.put(callId, future);
        return future;
    }

    void forgetApproval(String callId) {
        pendingApprovals.remove(callId);
    }

    /** Resolves a pending approval; false when none was waiting under {@code callId}. */
    boolean resolveApproval(String callId, ReviewDecision decision) {
        CompletableFuture<ReviewDecision> future = pendingApprovals.remove(callId);
        return future != null && future.complete(decision);
    }

    /** Answers every pending approval with {@code abort} and every question with "no answer" (interrupt, shutdown). */
    void abortPendingApprovals() {
        pendingApprovals.values().forEach(f -> f.complete(ReviewDecision.ABORT));
        pendingApprovals.clear();
        pendingUserInput.values().forEach(f -> f.complete(null));
        pendingUserInput.clear();
    }

    /** Registers a pending {@code request_user_input}; the future completes with the answers (or null). */
    CompletableFuture<tools.jackson.databind.JsonNode> awaitUserInput(String callId) {
        CompletableFuture<tools.jackson.databind.JsonNode> future = new CompletableFuture<>();
        pendingUserInput.put(callId, future);
        return future;
    }

    void forgetUserInput(String callId) {
        pendingUserInput.remove(callId);
    }

    /** Delivers answers to a pending question; false when none was waiting under {@code callId}. */
    boolean resolveUserInput(String callId, tools.jackson.databind.JsonNode answers) {
        CompletableFuture<tools.jackson.databind.JsonNode> future = pendingUserInput.remove(callId);
        return future != null && future.complete(answers);
    }

    // ---- model ---------------------------------------------------------------------------------------------

    /** Metadata of {@code slug} with the config's overrides applied. */
    ModelInfo modelInfo(String slug) {
        var ms = config.modelSettings();
        return ModelCatalog.bundled().find(slug).withOverrides(new ModelOverrides(ms.contextWindow(),
                ms.autoCompactTokenLimit(), ms.supportsReasoningSummaries(), ms.toolOutputTokenLimit()));
    }

    /** The client for {@code model} on the configured provider (credentials checked, no network). */
    ModelClient client(ModelInfo model) {
        return clients.computeIfAbsent(model.slug(), slug -> new ModelClient(resolvedProvider(), model,
                env.http().get()));
    }

    private volatile ResolvedProvider provider;

    /** Resolves the provider and its credentials; throws a {@link CoreException} saying how to log in. */
    ResolvedProvider resolvedProvider() {
        ResolvedProvider p = provider;
        if (p == null) {
            CodexApiKeyPolicy policy = "codex_exec".equals(env.originator()) ? CodexApiKeyPolicy.HONOUR
                    : CodexApiKeyPolicy.IGNORE;
            try {
                p = ProviderResolver.resolve(config.modelProvider(),
                        new AuthEnvironment(env.codexHome(), env.env(), policy), env.http().get());
            } catch (dev.jcodex.modelclient.ModelClientException e) {
                throw new CoreException(e.getMessage(), e);
            }
            provider = p;
        }
        return p;
    }

    @Override
    public void close() {
        abortPendingApprovals();
        execRuntime.close();
        try {
            rollout.sync();
        } finally {
            rollout.close();
        }
    }
}
