package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnInterruptResponse;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.appserver.protocol.TurnStartResponse;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.protocol.Op;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.UserInput;
import java.util.List;

/** {@code turn/start} and {@code turn/interrupt}. */
final class TurnProcessor {
    private final AppServer server;

    TurnProcessor(AppServer server) {
        this.server = server;
    }

    /**
     * Submits the input with its overrides. The response is sent under the thread's send lock, so it precedes
     * the turn's {@code turn/started}. While a turn runs, the input joins it and its id is returned.
     */
    void start(TurnStartParams p, Reply reply) {
        LiveThread live = require(p.threadId());
        if (p.input().isEmpty()) {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "input must not be empty");
        }
        List<UserInput> items = p.input().stream().map(WireValues::toCore).toList();
        Op.TurnOverrides overrides = new Op.TurnOverrides(p.cwd(), p.approvalPolicy(),
                p.sandboxPolicy() == null ? null : WireValues.sandbox(p.sandboxPolicy()), p.model(), p.effort(),
                p.summary(), p.outputSchema() == null || p.outputSchema().isNull() ? null
                        : ProtocolJson.write(p.outputSchema()));
        live.sendLock().lock();
        try {
            String turnId = live.thread().submit(new Op.UserTurn(items, overrides));
            reply.result(new TurnStartResponse(Turn.of(turnId, List.of(), TurnStatus.IN_PROGRESS)));
        } finally {
            live.sendLock().unlock();
        }
    }

    /**
     * Interrupts the running turn when it is {@code turnId} (or any running turn when {@code turnId} is absent);
     * the turn then completes as {@code interrupted}. Answers {@code {}} also when that turn already ended.
     */
    void interrupt(TurnInterruptParams p, Reply reply) {
        LiveThread live = require(p.threadId());
        String active = live.thread().activeTurnId();
        if (active != null && (p.turnId() == null || p.turnId().equals(active))) {
            live.thread().submit(new Op.Interrupt());
        }
        reply.result(new TurnInterruptResponse());
    }

    private LiveThread require(String threadId) {
        if (threadId == null || threadId.isBlank()) {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "threadId is required");
        }
        LiveThread live = server.find(threadId);
        if (live == null) {
            throw new RpcException(ErrorCodes.INVALID_REQUEST, "thread not found: " + threadId);
        }
        return live;
    }
}
