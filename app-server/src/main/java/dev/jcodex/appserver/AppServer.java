package dev.jcodex.appserver;

import dev.jcodex.appserver.client.AppServerTransport;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.core.CodexThread;
import dev.jcodex.core.CoreEnvironment;
import dev.jcodex.core.ThreadManager;
import dev.jcodex.state.ThreadRecord;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The app-server (spec §13): serves v2 JSON-RPC connections over any {@link AppServerTransport} and drives the
 * core's {@link ThreadManager}. Each connection is read on its own virtual thread and its requests are handled in
 * order; each loaded thread has one event pump that maps core events to notifications and approval requests for
 * the connections subscribed to it.
 *
 * <p>Transports plug in through {@link #connect}: the in-process one is {@link InProcessAppServer}; stdio and
 * WebSocket transports hand their server end to the same method. One server per process, shared by all its
 * connections. The core's {@code originator} is the {@code clientInfo.name} of the first {@code initialize}.
 */
public final class AppServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AppServer.class.getName());
    private static final Duration PUMP_STOP_WAIT = Duration.ofSeconds(15);

    private final AppServerOptions options;
    private final Clock clock;
    private final ApprovalRequests approvals = new ApprovalRequests();
    private final Map<String, LiveThread> live = new ConcurrentHashMap<>();
    private final Map<String, Thread> pumps = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final MessageProcessor processor;
    private ThreadManager manager;
    private boolean closed;

    private AppServer(AppServerOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.processor = new MessageProcessor(this, new ThreadConfigs(options.baseConfig()));
    }

    /** A server with {@code options}; nothing is loaded until the first {@code initialize}. */
    public static AppServer create(AppServerOptions options) {
        return new AppServer(options, Clock.systemUTC());
    }

    /**
     * Serves one client on {@code serverEnd} (read on a new virtual thread) until the transport ends or the server
     * closes.
     *
     * @throws IllegalStateException when the server is closed
     */
    public void connect(AppServerTransport serverEnd) {
        Connection connection = new Connection(serverEnd);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the app-server is closed");
            }
            connections.add(connection);
        }
        connection.start(processor);
    }

    /**
     * Closes every connection, then shuts every thread down (running turns are interrupted, rollouts are synced
     * and closed, pending index updates are written) and waits for the event pumps. Idempotent.
     */
    @Override
    public void close() {
        ThreadManager m;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            m = manager;
        }
        connections.forEach(Connection::close);
        if (m != null) {
            m.close();
        }
        long deadline = System.nanoTime() + PUMP_STOP_WAIT.toNanos();
        for (Thread pump : List.copyOf(pumps.values())) {
            try {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (!pump.join(Duration.ofMillis(left))) {
                    pump.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- used by the processors ---------------------------------------------------------------------------

    AppServerOptions options() {
        return options;
    }

    CoreEnvironment environment() {
        return options.environment();
    }

    ApprovalRequests approvals() {
        return approvals;
    }

    /** The thread manager, created by the first {@code initialize} with its client name as originator. */
    synchronized ThreadManager initialize(String originator) {
        if (closed) {
            throw new IllegalStateException("the app-server is closed");
        }
        if (manager == null) {
            manager = new ThreadManager(options.environment().withOriginator(originator));
        }
        return manager;
    }

    /** The thread manager; only called for initialized connections. */
    synchronized ThreadManager manager() {
        if (manager == null) {
            throw new IllegalStateException("no initialize has been handled yet");
        }
        return manager;
    }

    /** Makes {@code thread} live here (once): starts its event pump. */
    LiveThread attach(CodexThread thread, ThreadRecord stored, boolean restored) {
        return live.computeIfAbsent(thread.id(), id -> {
            LiveThread l = new LiveThread(thread, stored, restored);
            pumps.put(id, new EventPump(l, approvals, clock, () -> unloaded(l)).start());
            return l;
        });
    }

    /** The loaded thread with this id, or null. */
    /**
     * Waits (bounded) until the event pump of a thread that was just removed from the manager has delivered its
     * last events, including {@code thread/closed}, so responses sent afterwards come after them.
     */
    void awaitUnloaded(String threadId) {
        Thread pump = pumps.get(threadId);
        if (pump == null || pump == Thread.currentThread()) {
            return;
        }
        try {
            pump.join(java.time.Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    LiveThread find(String threadId) {
        return threadId == null ? null : live.get(threadId);
    }

    /** Every connection that has completed {@code initialize}. */
    List<Connection> initializedConnections() {
        return connections.stream().filter(c -> c.initialized() && !c.isClosed()).toList();
    }

    /** A connection ended: it stops receiving notifications, and approvals only it could answer are denied. */
    void disconnected(Connection connection) {
        connections.remove(connection);
        live.values().forEach(l -> l.unsubscribe(connection));
        approvals.disconnected(connection);
    }

    private void unloaded(LiveThread l) {
        live.remove(l.id(), l);
        pumps.remove(l.id());
        l.sendLock().lock();
        try {
            var params = JsonNodeFactory.instance.objectNode().put("threadId", l.id());
            l.broadcast(new ServerNotification.Unknown(Methods.THREAD_CLOSED, params));
        } finally {
            l.sendLock().unlock();
        }
        LOG.log(Level.DEBUG, "thread {0} unloaded", l.id());
    }
}
