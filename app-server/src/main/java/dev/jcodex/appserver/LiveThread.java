package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.core.CodexThread;
import dev.jcodex.state.ThreadRecord;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thread loaded in this server: the core thread, the connections subscribed to its notifications, and the lock
 * that orders what they receive (a request's response is sent under it before the events the request caused).
 */
final class LiveThread {
    private final CodexThread thread;
    private final ThreadRecord stored;
    private final boolean restored;
    private final Set<Connection> subscribers = new CopyOnWriteArraySet<>();
    private final ReentrantLock sendLock = new ReentrantLock();

    /**
     * @param stored the index entry when the thread was loaded (resume, fork), or null
     * @param restored whether the thread has turns from before this server loaded it (resume, fork)
     */
    LiveThread(CodexThread thread, ThreadRecord stored, boolean restored) {
        this.thread = thread;
        this.stored = stored;
        this.restored = restored;
    }

    CodexThread thread() {
        return thread;
    }

    String id() {
        return thread.id();
    }

    /** The index entry seen when the thread was loaded, or null. */
    ThreadRecord stored() {
        return stored;
    }

    /** Whether the rollout holds turns this server did not run. */
    boolean restored() {
        return restored;
    }

    /** Adds a subscriber; false when it already was one. */
    boolean subscribe(Connection connection) {
        return subscribers.add(connection);
    }

    /** Removes a subscriber; false when it was not one. */
    boolean unsubscribe(Connection connection) {
        return subscribers.remove(connection);
    }

    List<Connection> subscribers() {
        return List.copyOf(subscribers);
    }

    /** Sends {@code notification} to every subscriber (callers hold {@link #sendLock()}). */
    void broadcast(ServerNotification notification) {
        for (Connection c : subscribers) {
            c.notify(notification);
        }
    }

    /** Held while sending anything about this thread, so responses and events keep their order. */
    ReentrantLock sendLock() {
        return sendLock;
    }
}
