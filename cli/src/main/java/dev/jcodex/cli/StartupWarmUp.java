package dev.jcodex.cli;

import dev.jcodex.common.Ids;
import dev.jcodex.common.StartupTrace;
import dev.jcodex.config.ConfigOverride;
import dev.jcodex.modelclient.ModelCatalog;
import dev.jcodex.modelclient.ResponsesRequest;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.ThreadEvent;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.state.RolloutPaths;
import dev.jcodex.state.SessionMeta;
import dev.jcodex.state.TurnContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Does, on the machine's spare core and ahead of need, the one-time initialisation a turn otherwise pays on its
 * critical path in a fresh JVM: the TOML parser (config, {@code -c}), the secure random generator behind thread ids, time-zone and date-format set-up,
 * the bundled model catalog, and Jackson's per-type introspection of every type a turn writes or reads, in the
 * order a turn needs them. Measured on a plain {@code exec} reply: see the README's Performance section.
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
            // config loading: the TOML parser's first parse (its grammar tables are built on first use).
            ConfigOverride.parse("model_providers.x={name=\"x\",base_url=\"http://127.0.0.1/v1\",wire_api=\"responses\"}");
            // thread/start: a UUIDv7 (SecureRandom), the rollout file name (zone, formatter), session_meta.
            Instant now = Instant.now();
            RolloutPaths.newRolloutPath(Path.of("/"), Ids.newId(), Instant.parse(now.toString()),
                    ZoneId.systemDefault());
            ProtocolJson.warmUp(SessionMeta.class, TurnContext.class);
            StartupTrace.mark("warm-up: thread start done");
            // turn/start: model catalog; the first request: items and the body; exec's JSONL events; the rollout.
            ModelCatalog.bundled();
            ProtocolJson.warmUp(ResponseItem.class, ResponsesRequest.class, ThreadEvent.class, TurnItem.class,
                    EventMsg.TaskStarted.class, EventMsg.ItemCompleted.class, EventMsg.TokenCount.class,
                    EventMsg.TaskComplete.class);
            StartupTrace.mark("warm-up: done");
        } catch (RuntimeException | LinkageError e) {
            StartupTrace.mark("warm-up: stopped early: " + e);
        }
    }
}
