package dev.jcodex.exec;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.AppServerClientException;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.McpServerElicitationResponse;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.ServerRequest;
import java.lang.System.Logger.Level;

/**
 * Exec cannot ask anyone anything: MCP elicitations are cancelled and every other server request is rejected
 * with JSON-RPC error -32000 and the reference's message.
 */
final class ServerRequestHandler {
    private static final System.Logger LOG = System.getLogger(ServerRequestHandler.class.getName());

    private ServerRequestHandler() {}

    /** Answers {@code request}; false when the answer could not be sent (exec then exits 1). */
    static boolean handle(AppServerClient client, ServerRequest request) {
        try {
            if (request instanceof ServerRequest.Unknown u && u.method().equals(Methods.MCP_SERVER_ELICITATION_REQUEST)) {
                client.respond(request.id(), McpServerElicitationResponse.cancel());
            } else {
                client.respondError(request.id(), ErrorCodes.REQUEST_REJECTED, rejection(request));
            }
            return true;
        } catch (AppServerClientException e) {
            LOG.log(Level.WARNING, "failed to answer `{0}` server request: {1}", request.method(), e.getMessage());
            return false;
        }
    }

    /** The reason exec gives for rejecting {@code request}. */
    static String rejection(ServerRequest request) {
        String thread = request.threadId();
        return switch (request) {
            case ServerRequest.CommandExecutionRequestApproval r ->
                    "command execution approval is not supported in exec mode for thread `" + thread + "`";
            case ServerRequest.FileChangeRequestApproval r ->
                    "file change approval is not supported in exec mode for thread `" + thread + "`";
            case ServerRequest.ToolRequestUserInput r ->
                    "request_user_input is not supported in exec mode for thread `" + thread + "`";
            case ServerRequest.Unknown r -> switch (r.method()) {
                case Methods.DYNAMIC_TOOL_CALL ->
                        "dynamic tool calls are not supported in exec mode for thread `" + thread + "`";
                case Methods.CHATGPT_AUTH_TOKENS_REFRESH -> "chatgpt auth token refresh is not supported in exec mode";
                case Methods.APPLY_PATCH_APPROVAL ->
                        "apply_patch approval is not supported in exec mode for thread `" + thread + "`";
                case Methods.EXEC_COMMAND_APPROVAL ->
                        "exec command approval is not supported in exec mode for thread `" + thread + "`";
                case Methods.PERMISSIONS_REQUEST_APPROVAL ->
                        "permissions approval is not supported in exec mode for thread `" + thread + "`";
                default -> r.method() + " is not supported in exec mode";
            };
        };
    }
}
