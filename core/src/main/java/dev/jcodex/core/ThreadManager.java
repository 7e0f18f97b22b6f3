package dev.jcodex.core;

import dev.jcodex.common.Ids;
import dev.jcodex.config.Config;
import dev.jcodex.state.HistoryReconstruction;
import dev.jcodex.state.ReconstructedThread;
import dev.jcodex.state.RolloutFork;
import dev.jcodex.state.RolloutWriter;
import dev.jcodex.state.SessionMeta;
import dev.jcodex.state.ThreadIndex;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, resumes and forks threads and keeps the live ones. One per process (the app-server owns it). Thread
 * state lives in rollouts under {@code $CODEX_HOME/sessions}; the SQLite index is updated in the background.
 */
public final class ThreadManager implements AutoCloseable {
    private final CoreEnvironment env;
    private final Map<String, CodexThread> threads = new ConcurrentHashMap<>();
    private volatile IndexUpdater index;

    public ThreadManager(CoreEnvironment env) {
        this.env = env;
    }

    /** The process-wide inputs. */
    public CoreEnvironment environment() {
        return env;
    }

    /** Starts a new thread with {@code config} (which already carries the thread's overrides). */
    public CodexThread start(Config config, ThreadOptions options) {
        String id = Ids.newId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RolloutRecorder rollout = RolloutRecorder.none();
        Path path = null;
        if (!options.ephemeral()) {
            SessionMeta meta = SessionMeta.of(id, now.toString(), config.cwd().toString(),
                    new SessionMeta.Identity(env.originator(), env.cliVersion(),
                            config.modelSettings().modelProviderId()), options.source());
            RolloutWriter writer = RolloutWriter.create(env.codexHome(), meta, RolloutWriter.FileCreation.EAGER);
            rollout = new RolloutRecorder(writer);
            path = writer.path();
            index(config).started(meta, path);
        }
        ThreadInfo info = new ThreadInfo(id, null, path, options.ephemeral(), options.source(), now,
                env.cliVersion());
        return open(config, info, rollout, List.of(), false);
    }

    /**
     * Resumes the thread stored in {@code rolloutPath}: the history is rebuilt from the file (compactions
     * included) and the next request carries it; new items are appended to the same file.
     */
    public CodexThread resume(Config config, Path rolloutPath, ThreadOptions options) {
        ReconstructedThread rebuilt = rebuild(rolloutPath);
        SessionMeta meta = rebuilt.meta().orElseThrow(() -> new CoreException(
                "cannot resume " + rolloutPath + ": the file has no session_meta line"));
        CodexThread live = threads.get(meta.id());
        if (live != null) {
            return live;
        }
        RolloutRecorder rollout = new RolloutRecorder(RolloutWriter.resume(rolloutPath));
        ThreadInfo info = new ThreadInfo(meta.id(), meta.forkedFromId(), rolloutPath, false, meta.sourceLabel(),
                parseInstant(meta.timestamp()), meta.cliVersion());
        return open(config, info, rollout, rebuilt.history(), rebuilt.referenceContext() != null);
    }

    /** Forks the thread stored in {@code rolloutPath} into a new thread with the same history. */
    public CodexThread fork(Config config, Path rolloutPath, ThreadOptions options) {
        String id = Ids.newId();
        RolloutFork.Result forked;
        try {
            forked = RolloutFork.fork(env.codexHome(), rolloutPath, id);
        } catch (NoSuchFileException e) {
            throw new CoreException("no rollout at " + rolloutPath, e);
        } catch (IOException e) {
            throw new CoreException("cannot fork " + rolloutPath + ": " + e.getMessage(), e);
        }
        index(config).started(forked.sessionMeta(), forked.rolloutPath());
        return resume(config, forked.rolloutPath(), options);
    }

    /** A live thread. */
    public Optional<CodexThread> find(String threadId) {
        return Optional.ofNullable(threads.get(threadId));
    }

    /** Closes and forgets a live thread; false when it was not live. */
    public boolean remove(String threadId) {
        CodexThread t = threads.remove(threadId);
        if (t == null) {
            return false;
        }
        t.close();
        return true;
    }

    /** The thread index (opened lazily; reads never scan rollouts unless the index must be rebuilt). */
    public ThreadIndex index() {
        return index(null).index();
    }

    /**
     * The rollout of a stored thread, from the index, or empty. A rollout the index does not know (written by the
     * reference, or copied in) is found by file name and indexed ({@link ThreadIndex#locate}).
     */
    public Optional<Path> rolloutPathOf(String threadId) {
        CodexThread live = threads.get(threadId);
        if (live != null && live.info().rolloutPath() != null) {
            return Optional.of(live.info().rolloutPath());
        }
        return index().locate(threadId).map(r -> r.rolloutPath());
    }

    private CodexThread open(Config config, ThreadInfo info, RolloutRecorder rollout,
            List<dev.jcodex.protocol.ResponseItem> history, boolean initialContextRecorded) {
        var ms = config.modelSettings();
        ThreadSettings settings = new ThreadSettings(config.model(), ms.modelProviderId(), config.cwd(),
                config.approvalPolicy(), config.sandboxPolicy(), ms.reasoningEffort(), ms.reasoningSummary());
        Session session = new Session(env, config, info, settings, rollout, history, initialContextRecorded,
                index(config));
        try {
            session.resolvedProvider();
        } catch (CoreException e) {
            session.close();
            throw e;
        }
        CodexThread thread = new CodexThread(session);
        threads.put(info.id(), thread);
        return thread;
    }

    private IndexUpdater index(Config config) {
        IndexUpdater i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new IndexUpdater(env.codexHome(), config == null ? null : config.sqliteHome());
                    index = i;
                }
            }
        }
        return i;
    }

    private static ReconstructedThread rebuild(Path rolloutPath) {
        try {
            return HistoryReconstruction.rebuild(rolloutPath);
        } catch (NoSuchFileException e) {
            throw new CoreException("no rollout at " + rolloutPath, e);
        } catch (IOException e) {
            throw new CoreException("cannot read rollout " + rolloutPath + ": " + e.getMessage(), e);
        }
    }

    private static Instant parseInstant(String timestamp) {
        try {
            return timestamp == null ? Instant.now() : Instant.parse(timestamp);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** Closes every live thread, waits for pending index updates, then shuts the shared HTTP client down. */
    @Override
    public void close() {
        for (String id : List.copyOf(threads.keySet())) {
            remove(id);
        }
        IndexUpdater i = index;
        if (i != null) {
            i.close();
        }
        env.closeHttpClient();
    }
}
