package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.AppServerProtocolException;
import dev.jcodex.appserver.protocol.ApprovalDecision;
import dev.jcodex.appserver.protocol.CommandExecutionApprovalDecision;
import dev.jcodex.appserver.protocol.CommandExecutionRequestApprovalResponse;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalResponse;
import dev.jcodex.appserver.protocol.JsonRpcError;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.RequestId;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.core.CoreException;
import dev.jcodex.protocol.Op;
import dev.jcodex.protocol.ReviewDecision;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Approval server requests in flight: sends them to a thread's subscribers, turns the first answer into
 * {@code serverRequest/resolved} (sent first) plus {@link Op.ExecApproval} / {@link Op.PatchApproval}. A JSON-RPC
 * error answer, an answer that cannot be read, or losing every recipient counts as {@code denied}.
 */
final class ApprovalRequests {
    private static final System.Logger LOG = System.getLogger(ApprovalRequests.class.getName());

    private final AtomicLong nextId = new AtomicLong();
    private final Map<RequestId, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(RequestId id, LiveThread live, Outbound.Ask ask, Set<Connection> recipients) {}

    /** Sends the request to the thread's subscribers (caller holds the thread's send lock). */
    void ask(LiveThread live, Outbound.Ask ask) {
        RequestId id = RequestId.of(nextId.incrementAndGet());
        List<Connection> recipients = live.subscribers();
        if (recipients.isEmpty()) {
            LOG.log(Level.WARNING, "no client is subscribed to thread {0}; denying approval {1}", live.id(),
                    ask.callId());
            submit(live, ask, ReviewDecision.DENIED, null);
            return;
        }
        Pending p = new Pending(id, live, ask, ConcurrentHashMap.newKeySet());
        p.recipients().addAll(recipients);
        pending.put(id, p);
        JsonRpcMessage.Request request = JsonRpcMessage.request(id, method(ask.kind()), ask.params());
        for (Connection c : recipients) {
            c.send(request);
        }
    }

    /** A client answered request {@code id} with a result ({@code error} null) or an error. */
    void answered(RequestId id, tools.jackson.databind.JsonNode result, JsonRpcError error) {
        Pending p = id == null ? null : pending.remove(id);
        if (p == null) {
            LOG.log(Level.DEBUG, "answer to unknown or already resolved server request {0}", id);
            return;
        }
        ReviewDecision decision;
        if (error != null) {
            LOG.log(Level.INFO, "client refused approval {0} ({1}: {2}); treating it as denied", p.ask().callId(),
                    error.code(), error.message());
            decision = ReviewDecision.DENIED;
        } else {
            decision = decision(p.ask().kind(), result);
        }
        resolved(p);
        submit(p.live(), p.ask(), decision, result);
    }

    /** The turn ended: its still-pending requests are dropped and announced as resolved (caller holds the lock). */
    void turnEnded(LiveThread live, String turnId) {
        for (Pending p : List.copyOf(pending.values())) {
            if (p.live() == live && turnId.equals(p.ask().turnId()) && pending.remove(p.id(), p)) {
                live.broadcast(new ServerNotification.ServerRequestResolved(live.id(), p.id()));
            }
        }
    }

    /** Whether {@code live} waits for an approval answer. */
    boolean waitingOn(LiveThread live) {
        return pending.values().stream().anyMatch(p -> p.live() == live);
    }

    /** A connection went away: requests nobody else can answer are denied. */
    void disconnected(Connection connection) {
        List<Pending> orphaned = new ArrayList<>();
        for (Pending p : pending.values()) {
            if (p.recipients().remove(connection) && p.recipients().isEmpty() && pending.remove(p.id(), p)) {
                orphaned.add(p);
            }
        }
        for (Pending p : orphaned) {
            LOG.log(Level.INFO, "the only client asked for approval {0} disconnected; denying it", p.ask().callId());
            submit(p.live(), p.ask(), ReviewDecision.DENIED, null);
        }
    }

    private void resolved(Pending p) {
        LiveThread live = p.live();
        live.sendLock().lock();
        try {
            live.broadcast(new ServerNotification.ServerRequestResolved(live.id(), p.id()));
        } finally {
            live.sendLock().unlock();
        }
    }

    /** Hands the answer to the core; for questions, the client's {@code answers} (null when refused). */
    private static void submit(LiveThread live, Outbound.Ask ask, ReviewDecision decision,
            tools.jackson.databind.JsonNode result) {
        Op op = switch (ask.kind()) {
            case COMMAND_EXECUTION -> new Op.ExecApproval(ask.callId(), decision);
            case FILE_CHANGE -> new Op.PatchApproval(ask.callId(), decision);
            case USER_INPUT -> new Op.UserInputAnswer(ask.callId(), decision == ReviewDecision.DENIED
                    || result == null || !result.path("answers").isObject() ? null : result.path("answers"));
        };
        try {
            live.thread().submit(op);
        } catch (CoreException e) {
            LOG.log(Level.DEBUG, "approval {0} arrived after thread {1} closed", ask.callId(), live.id());
        }
    }

    static String method(Outbound.ApprovalKind kind) {
        return switch (kind) {
            case COMMAND_EXECUTION -> Methods.COMMAND_EXECUTION_REQUEST_APPROVAL;
            case FILE_CHANGE -> Methods.FILE_CHANGE_REQUEST_APPROVAL;
            case USER_INPUT -> Methods.TOOL_REQUEST_USER_INPUT;
        };
    }

    /** The core decision for a client's result; unreadable results deny. */
    static ReviewDecision decision(Outbound.ApprovalKind kind, tools.jackson.databind.JsonNode result) {
        JsonRpcMessage.Response response = new JsonRpcMessage.Response(RequestId.of(0), result);
        try {
            ReviewDecision decision = switch (kind) {
                case COMMAND_EXECUTION -> {
                    var r = response.resultAs(CommandExecutionRequestApprovalResponse.class);
                    yield r == null || r.decision() == null ? null : decision(r.decision());
                }
                case FILE_CHANGE -> {
                    var r = response.resultAs(FileChangeRequestApprovalResponse.class);
                    yield r == null || r.decision() == null ? null : decision(r.decision());
                }
                case USER_INPUT -> ReviewDecision.APPROVED;
            };
            if (decision != null) {
                return decision;
            }
        } catch (AppServerProtocolException e) {
            LOG.log(Level.DEBUG, "approval answer did not parse: {0}", e.getMessage());
        }
        LOG.log(Level.WARNING, "unreadable approval answer {0}; treating it as denied", result);
        return ReviewDecision.DENIED;
    }

    private static ReviewDecision decision(CommandExecutionApprovalDecision decision) {
        return switch (decision) {
            case CommandExecutionApprovalDecision.Simple s -> decision(s.decision());
            case CommandExecutionApprovalDecision.AcceptWithExecpolicyAmendment a -> {
                LOG.log(Level.INFO, "execpolicy amendments are not applied yet; approving this command once");
                yield ReviewDecision.APPROVED;
            }
            case CommandExecutionApprovalDecision.ApplyNetworkPolicyAmendment n ->
                    "allow".equals(n.action()) ? ReviewDecision.APPROVED : ReviewDecision.DENIED;
        };
    }

    static ReviewDecision decision(ApprovalDecision decision) {
        return switch (decision) {
            case ACCEPT -> ReviewDecision.APPROVED;
            case ACCEPT_FOR_SESSION -> ReviewDecision.APPROVED_FOR_SESSION;
            case DECLINE -> ReviewDecision.DENIED;
            case CANCEL -> ReviewDecision.ABORT;
        };
    }
}
