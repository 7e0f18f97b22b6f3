package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.AppServerProtocolException;
import dev.jcodex.appserver.protocol.ClientInfo;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.InitializeParams;
import dev.jcodex.appserver.protocol.InitializeResponse;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.ThreadArchiveParams;
import dev.jcodex.appserver.protocol.ThreadForkParams;
import dev.jcodex.appserver.protocol.ThreadListParams;
import dev.jcodex.appserver.protocol.ThreadReadParams;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeParams;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.config.ConfigException;
import dev.jcodex.core.CoreEnvironment;
import dev.jcodex.core.CoreException;
import dev.jcodex.core.ThreadManager;
import dev.jcodex.modelclient.UserAgent;
import java.lang.System.Logger.Level;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Routes each client message: requests to the handler of their method (after the {@code initialize} gate),
 * answers to server requests to the {@link ApprovalRequests}. Every request gets exactly one response; failures
 * become JSON-RPC errors (-32600 not initialized / config errors / unknown threads, -32601 unknown method,
 * -32602 bad params, -32603 core failures).
 */
final class MessageProcessor {
    private static final System.Logger LOG = System.getLogger(MessageProcessor.class.getName());

    private final AppServer server;
    private final ThreadProcessor threads;
    private final TurnProcessor turns;

    MessageProcessor(AppServer server, ThreadConfigs configs) {
        this.server = server;
        this.threads = new ThreadProcessor(server, configs);
        this.turns = new TurnProcessor(server);
    }

    void received(Connection connection, JsonRpcMessage message) {
        switch (message) {
            case JsonRpcMessage.Request r -> handle(connection, r);
            case JsonRpcMessage.Notification n -> {
                if (!Methods.INITIALIZED.equals(n.method())) {
                    LOG.log(Level.DEBUG, "ignoring client notification {0}", n.method());
                }
            }
            case JsonRpcMessage.Response r -> server.approvals().answered(r.id(), r.result(), null);
            case JsonRpcMessage.Error e -> server.approvals().answered(e.id(), null, e.error());
        }
    }

    void disconnected(Connection connection) {
        server.disconnected(connection);
    }

    private void handle(Connection c, JsonRpcMessage.Request r) {
        Reply reply = new Reply(c, r.id());
        try {
            if (!Methods.INITIALIZE.equals(r.method()) && !c.initialized()) {
                throw new RpcException(ErrorCodes.INVALID_REQUEST, "Not initialized");
            }
            switch (r.method()) {
                case Methods.INITIALIZE -> initialize(c, r.paramsAs(InitializeParams.class), reply);
                case Methods.THREAD_START -> threads.start(c, r.paramsAs(ThreadStartParams.class), reply);
                case Methods.THREAD_RESUME -> threads.resume(c, r.paramsAs(ThreadResumeParams.class), reply);
                case Methods.THREAD_FORK -> threads.fork(c, r.paramsAs(ThreadForkParams.class), reply);
                case Methods.THREAD_LIST -> threads.list(params(r, ThreadListParams.class), reply);
                case Methods.THREAD_READ -> threads.read(r.paramsAs(ThreadReadParams.class), reply);
                case Methods.THREAD_ARCHIVE -> threads.archive(r.paramsAs(ThreadArchiveParams.class), reply);
                case Methods.THREAD_UNSUBSCRIBE ->
                        threads.unsubscribe(c, r.paramsAs(ThreadUnsubscribeParams.class), reply);
                case Methods.TURN_START -> turns.start(r.paramsAs(TurnStartParams.class), reply);
                case Methods.TURN_INTERRUPT -> turns.interrupt(r.paramsAs(TurnInterruptParams.class), reply);
                default -> throw new RpcException(ErrorCodes.METHOD_NOT_FOUND, "method not found: " + r.method());
            }
        } catch (RpcException e) {
            reply.error(e.code(), e.getMessage());
        } catch (AppServerProtocolException e) {
            reply.error(ErrorCodes.INVALID_PARAMS, e.getMessage());
        } catch (ConfigException e) {
            reply.error(ErrorCodes.INVALID_REQUEST, e.getMessage());
        } catch (CoreException e) {
            reply.error(ErrorCodes.INTERNAL_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + r.method() + " failed", e);
            reply.error(ErrorCodes.INTERNAL_ERROR, r.method() + " failed: " + e);
        }
    }

    /** Params that may be omitted entirely (every member optional). */
    private static <T> T params(JsonRpcMessage.Request r, Class<T> type) {
        if (r.params() == null || r.params().isNull()) {
            return new JsonRpcMessage.Request(r.id(), r.method(), JsonNodeFactory.instance.objectNode()).paramsAs(type);
        }
        return r.paramsAs(type);
    }

    private void initialize(Connection c, InitializeParams p, Reply reply) {
        if (c.initialized()) {
            throw new RpcException(ErrorCodes.INVALID_REQUEST, "Already initialized");
        }
        ClientInfo client = p == null ? null : p.clientInfo();
        if (client == null || client.name() == null || client.name().isBlank()) {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "clientInfo.name is required");
        }
        if (!isHeaderValue(client.name())) {
            throw new RpcException(ErrorCodes.INVALID_REQUEST,
                    "Invalid clientInfo.name: it must be a valid HTTP header value: " + client.name());
        }
        ThreadManager manager = server.initialize(client.name());
        CoreEnvironment env = manager.environment();
        String version = client.version() == null ? "" : client.version();
        // Process-wide, as in the reference: every model request made from now on names this client too.
        UserAgent.registerClient(client.name(), version);
        String userAgent = UserAgent.detect(env.originator(), env.cliVersion(), env.env()).header();
        c.markInitialized(p.capabilities() == null ? null : p.capabilities().optOutNotificationMethods());
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String platformOs = os.contains("win") ? "windows" : os.contains("mac") ? "macos" : "linux";
        reply.result(new InitializeResponse(userAgent, env.codexHome().toString(),
                platformOs.equals("windows") ? "windows" : "unix", platformOs));
    }

    /** Visible ASCII and spaces/tabs, not starting or ending with whitespace. */
    static boolean isHeaderValue(String value) {
        if (value.isEmpty() || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return false;
        }
        return value.chars().allMatch(ch -> ch == '\t' || (ch >= 0x20 && ch < 0x7f));
    }
}
