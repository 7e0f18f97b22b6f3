package dev.jcodex.cli;

import dev.jcodex.common.StartupTrace;
import dev.jcodex.modelclient.ModelCatalog;
import dev.jcodex.modelclient.ResponsesRequest;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.ThreadEvent;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.state.SessionMeta;
import dev.jcodex.state.TurnContext;

/**
 * Does, on the machine's spare core and ahead of need, one-time initialisation a turn otherwise pays on its
 * critical path in a fresh JVM: the bundled model catalog and Jackson's per-type introspection of the types a turn
 * writes or reads from {@code turn/start} on. Only work the main thread reaches late is worth moving: with the
 * argument shortcut ({@link FastExecArgs}) the main thread reaches {@code thread/start} ~60 ms after {@code main},
 * and warming its early needs (TOML, thread ids, {@code session_meta}) made both cores do the same work (A/B: that
 * first-needed-first order cost a plain reply ~35 ms against this one). See the README's Performance section.
 *
 * <p>Everything here is idempotent initialisation of JVM-wide caches with no side effect outside the process; a
 * failure only means the work happens later, on first real use. The thread is a daemon and never delays exit.
 */
final class StartupWarmUp {
    private StartupWarmUp() {}

    /** Starts the warm-up on a daemon platform thread. */
    static void start() {
        Thread.ofPlatform().daemon().name("startup-warm-up").start(StartupWarmUp::run);
    }

    static void run() {
        try {
            // Needed from turn/start on, latest first-needed last: the main thread does the early work (TOML,
            // thread ids, session_meta) itself; warming what it needs next would only duplicate it on both cores.
            ModelCatalog.bundled();
            ProtocolJson.warmUp(ResponseItem.class, TurnItem.class, EventMsg.TaskStarted.class,
                    EventMsg.ItemCompleted.class, EventMsg.TokenCount.class, EventMsg.TaskComplete.class,
                    ResponsesRequest.class, ThreadEvent.class, TurnContext.class, SessionMeta.class);
            StartupTrace.mark("warm-up: done");
        } catch (RuntimeException | LinkageError e) {
            StartupTrace.mark("warm-up: stopped early: " + e);
        }
    }
}
