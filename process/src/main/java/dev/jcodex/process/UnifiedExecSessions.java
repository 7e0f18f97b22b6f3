package dev.jcodex.process;

import dev.jcodex.common.SpawnConfinement.SandboxUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The processes behind {@code exec_command} and {@code write_stdin} (spec §4.3).
 *
 * <p>{@link #start} spawns a command (pipes, or a PTY for {@code tty=true}) and returns after the yield time or as soon
 * as the process exits, with everything it printed. A process still running is kept under a random session id in
 * [1000, 100000) and {@link #write} sends input to it (PTY only) and collects output again. At most {@value
 * #MAX_SESSIONS} processes are kept: storing one more prunes the least recently used (preferring exited ones, never
 * one of the 8 most recent); from {@value #WARN_SESSIONS} on, results carry a warning for the model. Every child gets
 * {@link #SESSION_ENV} on top of its environment. {@link #closeAll()} kills everything (interrupts, shutdown).
 *
 * <p>Thread-safe; calls on different sessions run concurrently.
 */
public final class UnifiedExecSessions implements AutoCloseable {

    /** {@code exec_command} yield when the model gives none. */
    public static final long DEFAULT_EXEC_YIELD_MS = 10_000;
    /** Lower bound of every yield. */
    public static final long MIN_YIELD_MS = 250;
    /** Upper bound of {@code exec_command} yields and of {@code write_stdin} yields with input. */
    public static final long MAX_YIELD_MS = 30_000;
    /** {@code write_stdin} yield when the model gives none. */
    public static final long DEFAULT_WRITE_YIELD_MS = 250;
    /** An empty {@code write_stdin} (a poll) waits at least this long. */
    public static final long MIN_EMPTY_POLL_YIELD_MS = 5_000;
    /** Default upper bound of empty polls ({@code background_terminal_max_timeout}). */
    public static final long DEFAULT_MAX_BACKGROUND_YIELD_MS = 300_000;
    /** Default {@code max_output_tokens}. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 10_000;
    /** Most processes kept at once. */
    public static final int MAX_SESSIONS = 64;
    /** From this many open processes on, results carry a warning. */
    public static final int WARN_SESSIONS = 60;
    /** Session ids are drawn from [MIN_SESSION_ID, MAX_SESSION_ID_EXCLUSIVE). */
    public static final int MIN_SESSION_ID = 1_000;
    /** Exclusive upper bound of session ids. */
    public static final int MAX_SESSION_ID_EXCLUSIVE = 100_000;

    /** Added to every session's environment, as the reference does: no colours, no pagers, a dumb terminal. */
    public static final Map<String, String> SESSION_ENV = sessionEnv();

    private static final int PROTECTED_RECENT = 8;
    private static final long POST_WRITE_PAUSE_MS = 100;
    private static final System.Logger LOG = System.getLogger(UnifiedExecSessions.class.getName());

    private final ProcessLauncher launcher;
    private final long maxBackgroundYieldMs;
    private final RandomGenerator random;
    private final Map<Integer, ExecSession> sessions = new HashMap<>();
    private final Set<Integer> reservedIds = new HashSet<>();

    /** Sessions on {@code launcher} with the default background poll limit. */
    public UnifiedExecSessions(ProcessLauncher launcher) {
        this(launcher, DEFAULT_MAX_BACKGROUND_YIELD_MS);
    }

    /** Sessions on {@code launcher}; empty polls wait at most {@code maxBackgroundYieldMs}. */
    public UnifiedExecSessions(ProcessLauncher launcher, long maxBackgroundYieldMs) {
        this(launcher, maxBackgroundYieldMs, null);
    }

    /** For tests: a fixed random source ({@code null} for a thread-local one). */
    UnifiedExecSessions(ProcessLauncher launcher, long maxBackgroundYieldMs, RandomGenerator random) {
        this.launcher = launcher;
        this.maxBackgroundYieldMs = Math.max(MIN_EMPTY_POLL_YIELD_MS, maxBackgroundYieldMs);
        this.random = random;
    }

    /** {@code exec_command} yield: clamped to [{@value #MIN_YIELD_MS}, {@value #MAX_YIELD_MS}]. */
    public static long clampExecYield(long requestedMs) {
        return Math.clamp(requestedMs, MIN_YIELD_MS, MAX_YIELD_MS);
    }

    /**
     * {@code write_stdin} yield: at least {@value #MIN_YIELD_MS}; with input at most {@value #MAX_YIELD_MS}; an empty
     * poll waits between {@value #MIN_EMPTY_POLL_YIELD_MS} and {@code maxBackgroundYieldMs}.
     */
    public static long clampWriteYield(long requestedMs, String chars, long maxBackgroundYieldMs) {
        long atLeast = Math.max(requestedMs, MIN_YIELD_MS);
        return chars.isEmpty()
                ? Math.clamp(atLeast, MIN_EMPTY_POLL_YIELD_MS, Math.max(MIN_EMPTY_POLL_YIELD_MS, maxBackgroundYieldMs))
                : Math.min(atLeast, MAX_YIELD_MS);
    }

    /** {@link #start(ExecRequest, long, int, OutputListener)} without a listener. */
    public UnifiedExecResult start(ExecRequest request, long yieldTimeMs, int maxOutputTokens)
            throws InterruptedException {
        return start(request, yieldTimeMs, maxOutputTokens, OutputListener.NONE);
    }

    /**
     * Runs {@code request} (its {@code terminal} selects pipes or a PTY; piped sessions get {@code /dev/null} stdin) and
     * returns after {@link #clampExecYield(long) the yield} or at the exit.
     *
     * @param listener receives output deltas and the eventual exit, also after this call returned
     * @throws UnifiedExecException ({@code CREATE_PROCESS}) if the process cannot start
     * @throws SandboxUnavailableException if the request's confinement cannot be applied
     * @throws InterruptedException if interrupted while collecting; a running process stays stored
     */
    public UnifiedExecResult start(ExecRequest request, long yieldTimeMs, int maxOutputTokens, OutputListener listener)
            throws InterruptedException {
        int id = reserveId();
        ExecSession session;
        try {
            session = ExecSession.start(launcher, id, sessionRequest(request), listener);
        } catch (SandboxUnavailableException e) {
            releaseId(id);
            throw e;
        } catch (RuntimeException e) {
            releaseId(id);
            throw UnifiedExecException.createProcess(e);
        }
        long start = System.nanoTime();
        boolean startedAlive = session.isAlive();
        Optional<String> warning = startedAlive ? store(session) : Optional.empty();
        byte[] output;
        try {
            output = session.collect(start + TimeUnit.MILLISECONDS.toNanos(clampExecYield(yieldTimeMs)));
        } catch (InterruptedException e) {
            if (!startedAlive) {
                releaseAndClose(session);
            }
            throw e;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        UnifiedExecResult.State state;
        if (startedAlive) {
            state = refresh(session);
        } else {
            releaseAndClose(session);
            state = new UnifiedExecResult.Exited(session.process().exitCode().orElse(-1));
        }
        return result(session, wall, state, output, maxOutputTokens, warning);
    }

    /**
     * Sends {@code chars} to a running session (PTY sessions only; empty {@code chars} just polls) and collects output
     * for {@link #clampWriteYield the yield} or until the exit.
     *
     * @throws UnifiedExecException {@code UNKNOWN_PROCESS}, {@code STDIN_CLOSED} or {@code WRITE_FAILED}
     * @throws InterruptedException if interrupted; the session stays stored
     */
    public UnifiedExecResult write(int sessionId, String chars, long yieldTimeMs, int maxOutputTokens)
            throws InterruptedException {
        ExecSession session;
        synchronized (sessions) {
            session = sessions.get(sessionId);
        }
        if (session == null) {
            throw UnifiedExecException.unknownProcess(sessionId);
        }
        session.touch();
        UnifiedExecResult.State afterWrite = null;
        if (!chars.isEmpty()) {
            if (!session.tty()) {
                throw UnifiedExecException.stdinClosed();
            }
            try {
                session.process().write(chars);
                Thread.sleep(POST_WRITE_PAUSE_MS);
            } catch (ProcessException e) {
                if (session.isAlive()) {
                    throw UnifiedExecException.writeFailed(e);
                }
                afterWrite = refresh(session);
            }
        }
        long start = System.nanoTime();
        long yield = clampWriteYield(yieldTimeMs, chars, maxBackgroundYieldMs);
        byte[] output = session.collect(start + TimeUnit.MILLISECONDS.toNanos(yield));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        UnifiedExecResult.State state = afterWrite != null ? afterWrite : refresh(session);
        return result(session, wall, state, output, maxOutputTokens, Optional.empty());
    }

    /** Number of stored processes (running or exited but not yet reported). */
    public int liveCount() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    /** Ids of the stored processes. */
    public Set<Integer> sessionIds() {
        synchronized (sessions) {
            return Set.copyOf(sessions.keySet());
        }
    }

    /** Kills one session's process tree and forgets it; returns whether it existed. */
    public boolean terminate(int sessionId) {
        ExecSession session;
        synchronized (sessions) {
            session = sessions.remove(sessionId);
            reservedIds.remove(sessionId);
        }
        if (session == null) {
            return false;
        }
        session.process().close();
        return true;
    }

    /** Kills every stored process tree (concurrently) and forgets them all. */
    public void closeAll() {
        List<ExecSession> all;
        synchronized (sessions) {
            all = new ArrayList<>(sessions.values());
            sessions.clear();
            reservedIds.clear();
        }
        List<Thread> closers = new ArrayList<>();
        for (ExecSession session : all) {
            closers.add(Thread.startVirtualThread(() -> session.process().close()));
        }
        boolean interrupted = false;
        for (Thread closer : closers) {
            while (true) {
                try {
                    closer.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Same as {@link #closeAll()}. */
    @Override
    public void close() {
        closeAll();
    }

    private static Map<String, String> sessionEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NO_COLOR", "1");
        env.put("TERM", "dumb");
        env.put("LANG", "C.UTF-8");
        env.put("LC_CTYPE", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("COLORTERM", "");
        env.put("PAGER", "cat");
        env.put("GIT_PAGER", "cat");
        env.put("GH_PAGER", "cat");
        env.put("CODEX_CI", "1");
        return java.util.Collections.unmodifiableMap(env);
    }

    private static ExecRequest sessionRequest(ExecRequest request) {
        Map<String, String> env = new HashMap<>(request.env());
        env.putAll(SESSION_ENV);
        return request.withEnv(env).withCaps(OutputCaps.SESSION).withStdin(ExecRequest.Stdin.NULL);
    }

    /**
     * The result block. An exited session has been closed, which let its readers drain (up to
     * {@link RunningProcess#IO_DRAIN_TIMEOUT}); what they delivered after {@code collect} returned is appended here.
     */
    private UnifiedExecResult result(ExecSession session, Duration wall, UnifiedExecResult.State state, byte[] output,
            int maxOutputTokens, Optional<String> warning) {
        byte[] text = output;
        if (state instanceof UnifiedExecResult.Exited) {
            byte[] rest = session.drainPending();
            if (rest.length > 0) {
                text = Arrays.copyOf(output, output.length + rest.length);
                System.arraycopy(rest, 0, text, output.length, rest.length);
            }
        }
        return new UnifiedExecResult(chunkId(), wall, state, OutputCapture.decode(text), maxOutputTokens, warning);
    }

    private String chunkId() {
        StringBuilder id = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            id.append(Character.forDigit(nextInt(0, 16), 16));
        }
        return id.toString();
    }

    private int reserveId() {
        synchronized (sessions) {
            while (true) {
                int id = nextInt(MIN_SESSION_ID, MAX_SESSION_ID_EXCLUSIVE);
                if (reservedIds.add(id)) {
                    return id;
                }
            }
        }
    }

    private int nextInt(int origin, int bound) {
        if (random == null) {
            return ThreadLocalRandom.current().nextInt(origin, bound);
        }
        synchronized (random) {
            return random.nextInt(origin, bound);
        }
    }

    private void releaseId(int id) {
        synchronized (sessions) {
            reservedIds.remove(id);
        }
    }

    private void releaseAndClose(ExecSession session) {
        synchronized (sessions) {
            sessions.remove(session.id());
            reservedIds.remove(session.id());
        }
        session.process().close();
    }

    /** Stores a running session, pruning one if full; returns the model warning when many are open. */
    private Optional<String> store(ExecSession session) {
        ExecSession pruned;
        int count;
        synchronized (sessions) {
            pruned = sessions.size() >= MAX_SESSIONS ? pruneCandidate() : null;
            if (pruned != null) {
                sessions.remove(pruned.id());
                reservedIds.remove(pruned.id());
            }
            sessions.put(session.id(), session);
            count = sessions.size();
        }
        if (pruned != null) {
            LOG.log(System.Logger.Level.INFO, "pruning unified exec session " + pruned.id());
            ExecSession victim = pruned;
            Thread.startVirtualThread(() -> victim.process().close());
        }
        if (count >= WARN_SESSIONS) {
            return Optional.of("The maximum number of unified exec processes you can keep open is " + WARN_SESSIONS
                    + " and you currently have " + count + " processes open. Reuse older processes or close them to"
                    + " prevent automatic pruning of old processes");
        }
        return Optional.empty();
    }

    /** Least recently used session outside the 8 most recent, preferring exited ones. Caller holds the lock. */
    private ExecSession pruneCandidate() {
        List<PruneCandidate> candidates = sessions.values().stream()
                .map(s -> new PruneCandidate(s.id(), s.lastUsedNanos(), !s.isAlive()))
                .toList();
        return choosePrune(candidates).map(sessions::get).orElse(null);
    }

    /** Facts the pruning policy looks at. */
    record PruneCandidate(int id, long lastUsedNanos, boolean exited) {}

    /** The pruning policy: never the 8 most recently used; the oldest exited one, else the oldest. */
    static Optional<Integer> choosePrune(List<PruneCandidate> candidates) {
        Comparator<PruneCandidate> byAge = Comparator.comparingLong(PruneCandidate::lastUsedNanos);
        Set<Integer> protectedIds = new HashSet<>();
        candidates.stream().sorted(byAge.reversed()).limit(PROTECTED_RECENT)
                .forEach(candidate -> protectedIds.add(candidate.id()));
        List<PruneCandidate> oldestFirst = candidates.stream()
                .filter(candidate -> !protectedIds.contains(candidate.id()))
                .sorted(byAge)
                .toList();
        return oldestFirst.stream().filter(PruneCandidate::exited).findFirst()
                .or(() -> oldestFirst.stream().findFirst())
                .map(PruneCandidate::id);
    }

    /** Exited sessions are removed (and closed) and reported with their code; running ones keep their id. */
    private UnifiedExecResult.State refresh(ExecSession session) {
        if (session.isAlive()) {
            return new UnifiedExecResult.Running(session.id());
        }
        releaseAndClose(session);
        return new UnifiedExecResult.Exited(session.process().exitCode().orElse(-1));
    }
}
