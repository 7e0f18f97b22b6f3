package dev.jcodex.appserver;

import dev.jcodex.core.CoreEvent;
import dev.jcodex.protocol.EventMsg;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * The one reader of a live thread's event queue (a virtual thread per thread): maps each event with an
 * {@link EventMapper} and delivers the result to the subscribers, holding the thread's send lock so a response
 * sent under the same lock is never overtaken. Ends after {@code shutdown_complete}.
 */
final class EventPump implements Runnable {
    private static final System.Logger LOG = System.getLogger(EventPump.class.getName());

    private final LiveThread live;
    private final ApprovalRequests approvals;
    private final Runnable onShutdown;
    private final EventMapper mapper;

    EventPump(LiveThread live, ApprovalRequests approvals, Clock clock, Runnable onShutdown) {
        this.live = live;
        this.approvals = approvals;
        this.onShutdown = onShutdown;
        this.mapper = new EventMapper(live.id(), clock);
    }

    /** Starts the pump on a virtual thread. */
    Thread start() {
        return Thread.ofVirtual().name("app-server-events-" + live.id()).start(this);
    }

    @Override
    public void run() {
        try {
            while (true) {
                CoreEvent event = live.thread().nextEvent();
                deliver(event.msg());
                if (event.msg() instanceof EventMsg.ShutdownComplete) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "event pump of thread " + live.id() + " failed", e);
        } finally {
            onShutdown.run();
        }
    }

    private void deliver(EventMsg event) {
        live.sendLock().lock();
        try {
            for (Outbound out : mapper.map(event)) {
                switch (out) {
                    case Outbound.Notify n -> live.broadcast(n.notification());
                    case Outbound.Ask a -> approvals.ask(live, a);
                    case Outbound.TurnEnded t -> approvals.turnEnded(live, t.turnId());
                }
            }
        } finally {
            live.sendLock().unlock();
        }
    }
}
