package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadArchiveParams;
import dev.jcodex.appserver.protocol.ThreadArchiveResponse;
import dev.jcodex.appserver.protocol.ThreadForkParams;
import dev.jcodex.appserver.protocol.ThreadForkResponse;
import dev.jcodex.appserver.protocol.ThreadListParams;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.ThreadReadResponse;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.appserver.protocol.ThreadResumeResponse;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeParams;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeResponse;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.config.ApprovalsReviewer;
import dev.jcodex.config.Config;
import dev.jcodex.core.CodexThread;
import dev.jcodex.core.ThreadManager;
import dev.jcodex.core.ThreadOptions;
import dev.jcodex.core.ThreadSettings;
import dev.jcodex.state.RolloutReader;
import dev.jcodex.state.SessionMeta;
import dev.jcodex.state.StateException;
import dev.jcodex.state.ThreadIndex;
import dev.jcodex.state.ThreadRecord;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code thread/*} requests: open (start, resume, fork), list, read, archive, unsubscribe. */
final class ThreadProcessor {
    private static final System.Logger LOG = System.getLogger(ThreadProcessor.class.getName());

    private final AppServer server;
    private final ThreadConfigs configs;

    ThreadProcessor(AppServer server, ThreadConfigs configs) {
        this.server = server;
        this.configs = configs;
    }

    void start(Connection c, ThreadStartParams p, Reply reply) {
        Config config = configs.load(new ThreadConfigs.Params(p.model(), p.modelProvider(), p.cwd(),
                p.approvalPolicy(), p.sandbox(), p.config(), p.baseInstructions(), p.developerInstructions(),
                configKeys(p.serviceTier(), p.personality(), p.approvalsReviewer())));
        CodexThread thread = server.manager().start(config,
                new ThreadOptions(Boolean.TRUE.equals(p.ephemeral()), server.options().threadSource()));
        LiveThread live = server.attach(thread, null, false);
        live.subscribe(c);
        AppServerThread t = ThreadObjects.live(live, false, List.of());
        ThreadSettings s = thread.settings();
        ThreadStartResponse response = new ThreadStartResponse(t, s.model(), s.modelProviderId(),
                serviceTier(config), s.cwd().toString(), List.of(), s.approvalPolicy(), reviewer(config),
                WireValues.sandbox(s.sandboxPolicy()), s.reasoningEffort());
        sendOpened(live, reply, response, new ServerNotification.ThreadStarted(t));
    }

    void resume(Connection c, ThreadResumeParams p, Reply reply) {
        if (p.history() != null && !p.history().isEmpty()) {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "thread/resume with history is not supported");
        }
        LiveThread live = p.path() == null ? server.find(p.threadId()) : null;
        Config config = null;
        if (live == null) {
            Path path = p.path() != null ? Path.of(p.path()) : rolloutPath(p.threadId());
            config = configs.load(new ThreadConfigs.Params(p.model(), p.modelProvider(), p.cwd(),
                    p.approvalPolicy(), p.sandbox(), p.config(), p.baseInstructions(), p.developerInstructions(),
                    configKeys(p.serviceTier(), p.personality(), p.approvalsReviewer())));
            CodexThread thread = server.manager().resume(config, path,
                    new ThreadOptions(false, server.options().threadSource()));
            live = server.attach(thread, stored(thread.id()), true);
        }
        live.subscribe(c);
        List<Turn> turns = Boolean.TRUE.equals(p.excludeTurns()) ? List.of() : turns(live);
        AppServerThread t = ThreadObjects.live(live, server.approvals().waitingOn(live), turns);
        ThreadSettings s = live.thread().settings();
        ThreadResumeResponse response = new ThreadResumeResponse(t, s.model(), s.modelProviderId(),
                config == null ? null : serviceTier(config), s.cwd().toString(), List.of(), s.approvalPolicy(),
                config == null ? null : reviewer(config), WireValues.sandbox(s.sandboxPolicy()),
                s.reasoningEffort());
        sendOpened(live, reply, response, null);
    }

    void fork(Connection c, ThreadForkParams p, Reply reply) {
        if (Boolean.TRUE.equals(p.ephemeral())) {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "ephemeral forks are not supported");
        }
        Path path = p.path() != null ? Path.of(p.path()) : rolloutPath(p.threadId());
        Config config = configs.load(new ThreadConfigs.Params(p.model(), p.modelProvider(), p.cwd(),
                p.approvalPolicy(), p.sandbox(), p.config(), p.baseInstructions(), p.developerInstructions(),
                configKeys(p.serviceTier(), null, p.approvalsReviewer())));
        CodexThread thread = server.manager().fork(config, path,
                new ThreadOptions(false, server.options().threadSource()));
        LiveThread live = server.attach(thread, null, true);
        live.subscribe(c);
        List<Turn> turns = Boolean.TRUE.equals(p.excludeTurns()) ? List.of() : turns(live);
        AppServerThread t = ThreadObjects.live(live, false, turns);
        ThreadSettings s = thread.settings();
        ThreadForkResponse response = new ThreadForkResponse(t, s.model(), s.modelProviderId(), serviceTier(config),
                s.cwd().toString(), List.of(), s.approvalPolicy(), reviewer(config),
                WireValues.sandbox(s.sandboxPolicy()), s.reasoningEffort());
        sendOpened(live, reply, response, new ServerNotification.ThreadStarted(ThreadObjects.live(live, false,
                List.of())));
    }

    void list(ThreadListParams p, Reply reply) {
        ThreadLister lister = new ThreadLister(server.manager().index(), server::find, server.approvals()::waitingOn);
        reply.result(lister.list(p));
    }

    void read(ThreadReadParams p, Reply reply) {
        String id = requireId(p.threadId());
        LiveThread live = server.find(id);
        if (live != null) {
            List<Turn> turns = p.includeTurns() ? turns(live) : List.of();
            reply.result(new ThreadReadResponse(ThreadObjects.live(live, server.approvals().waitingOn(live), turns)));
            return;
        }
        ThreadRecord r = server.manager().index().find(id)
                .orElseThrow(() -> new RpcException(ErrorCodes.INVALID_REQUEST, "thread not found: " + id));
        List<Turn> turns = p.includeTurns() ? StoredTurns.read(r.rolloutPath()) : List.of();
        reply.result(new ThreadReadResponse(ThreadObjects.stored(r, turns)));
    }

    /** Unloads the thread if it is loaded (syncing its rollout), then moves its rollout to the archive. */
    void archive(ThreadArchiveParams p, Reply reply) {
        String id = requireId(p.threadId());
        ThreadManager manager = server.manager();
        LiveThread live = server.find(id);
        Path livePath = live == null ? null : live.thread().info().rolloutPath();
        if (live != null) {
            if (live.thread().info().ephemeral()) {
                throw new RpcException(ErrorCodes.INVALID_REQUEST, "ephemeral thread " + id + " cannot be archived");
            }
            manager.remove(id);
            server.awaitUnloaded(id);
        }
        ThreadIndex index = manager.index();
        try {
            if (index.find(id).isEmpty()) {
                if (livePath == null) {
                    throw new RpcException(ErrorCodes.INVALID_REQUEST, "thread not found: " + id);
                }
                SessionMeta meta = RolloutReader.readSessionMeta(livePath).orElseThrow(() -> new RpcException(
                        ErrorCodes.INTERNAL_ERROR, "rollout " + livePath + " has no session_meta line"));
                index.upsert(ThreadRecord.started(meta, livePath));
            }
            index.archive(id);
        } catch (StateException e) {
            throw new RpcException(ErrorCodes.INVALID_REQUEST, e.getMessage());
        } catch (IOException e) {
            throw new RpcException(ErrorCodes.INTERNAL_ERROR, "cannot archive thread " + id + ": " + e.getMessage());
        }
        reply.result(new ThreadArchiveResponse());
        var params = JsonNodeFactory.instance.objectNode().put("threadId", id);
        for (Connection conn : server.initializedConnections()) {
            conn.notify(new ServerNotification.Unknown(Methods.THREAD_ARCHIVED, params));
        }
    }

    void unsubscribe(Connection c, ThreadUnsubscribeParams p, Reply reply) {
        LiveThread live = server.find(requireId(p.threadId()));
        ThreadUnsubscribeResponse.Status status = live == null ? ThreadUnsubscribeResponse.Status.NOT_LOADED
                : live.unsubscribe(c) ? ThreadUnsubscribeResponse.Status.UNSUBSCRIBED
                : ThreadUnsubscribeResponse.Status.NOT_SUBSCRIBED;
        reply.result(new ThreadUnsubscribeResponse(status));
    }

    /** The thread's turns: those in its rollout from before it was loaded, then those it ran here. */
    static List<Turn> turns(LiveThread live) {
        List<Turn> ran = live.thread().turns().stream().map(ThreadItems::turn).toList();
        if (!live.restored()) {
            return ran;
        }
        return StoredTurns.merge(StoredTurns.read(live.thread().info().rolloutPath()), ran);
    }

    /** The response, then (if any) the notification, under the thread's send lock. */
    private static void sendOpened(LiveThread live, Reply reply, Object response, ServerNotification started) {
        live.sendLock().lock();
        try {
            reply.result(response);
            if (started != null) {
                reply.connection().notify(started);
            }
        } finally {
            live.sendLock().unlock();
        }
    }

    private Path rolloutPath(String threadId) {
        String id = requireId(threadId);
        return server.manager().rolloutPathOf(id).orElseThrow(() -> new RpcException(ErrorCodes.INVALID_REQUEST,
                "no rollout found for thread id " + id));
    }

    private ThreadRecord stored(String threadId) {
        try {
            return server.manager().index().find(threadId).orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "thread index lookup of {0} failed: {1}", threadId, e.getMessage());
            return null;
        }
    }

    private static String requireId(String threadId) {
        if (threadId == null || threadId.isBlank()) {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "threadId is required");
        }
        return threadId;
    }

    /** Typed params that are plain config keys. */
    private static Map<String, String> configKeys(String serviceTier, String personality, String reviewer) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("service_tier", serviceTier);
        keys.put("personality", personality);
        keys.put("approvals_reviewer", reviewer);
        return keys;
    }

    private static String serviceTier(Config config) {
        var tier = config.modelSettings().serviceTier();
        return tier == null ? null : tier.wire();
    }

    private static String reviewer(Config config) {
        ApprovalsReviewer r = config.permissions().approvalsReviewer();
        if (r == null) {
            return "user";
        }
        return switch (r) {
            case USER -> "user";
            case AUTO_REVIEW -> "guardian_subagent";
        };
    }
}
