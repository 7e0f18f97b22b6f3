package dev.jcodex.appserver.protocol;

import tools.jackson.databind.JsonNode;

/**
 * A server → client request (§13.6) with typed params; the client must answer it with a result or an error under
 * the same {@link #id()}. Methods this module does not model decode to {@link Unknown}.
 */
public sealed interface ServerRequest {

    /** The request id to answer. */
    RequestId id();

    /** The method name. */
    default String method() {
        return switch (this) {
            case CommandExecutionRequestApproval r -> Methods.COMMAND_EXECUTION_REQUEST_APPROVAL;
            case FileChangeRequestApproval r -> Methods.FILE_CHANGE_REQUEST_APPROVAL;
            case ToolRequestUserInput r -> Methods.TOOL_REQUEST_USER_INPUT;
            case Unknown r -> r.method();
        };
    }

    /** The thread the request belongs to, or null when the params do not name one. */
    default String threadId() {
        return switch (this) {
            case CommandExecutionRequestApproval r -> r.params().threadId();
            case FileChangeRequestApproval r -> r.params().threadId();
            case ToolRequestUserInput r -> r.params().threadId();
            case Unknown r -> {
                JsonNode params = r.params();
                JsonNode id = params == null ? null : params.has("threadId")
                        ? params.get("threadId") : params.get("conversationId");
                yield id != null && id.isString() ? id.stringValue() : null;
            }
        };
    }

    /** The JSON-RPC request carrying this. */
    default JsonRpcMessage.Request toMessage() {
        return switch (this) {
            case CommandExecutionRequestApproval r -> JsonRpcMessage.request(r.id(), method(), r.params());
            case FileChangeRequestApproval r -> JsonRpcMessage.request(r.id(), method(), r.params());
            case ToolRequestUserInput r -> JsonRpcMessage.request(r.id(), method(), r.params());
            case Unknown r -> new JsonRpcMessage.Request(r.id(), r.method(), r.params());
        };
    }

    /**
     * Reads a parsed JSON-RPC request sent by the server.
     *
     * @throws AppServerProtocolException when a modelled method's params do not have its shape
     */
    static ServerRequest decode(JsonRpcMessage.Request message) {
        return switch (message.method()) {
            case Methods.COMMAND_EXECUTION_REQUEST_APPROVAL -> new CommandExecutionRequestApproval(message.id(),
                    message.paramsAs(CommandExecutionRequestApprovalParams.class));
            case Methods.FILE_CHANGE_REQUEST_APPROVAL -> new FileChangeRequestApproval(message.id(),
                    message.paramsAs(FileChangeRequestApprovalParams.class));
            case Methods.TOOL_REQUEST_USER_INPUT -> new ToolRequestUserInput(message.id(),
                    message.paramsAs(ToolRequestUserInputParams.class));
            default -> new Unknown(message.id(), message.method(), message.params());
        };
    }

    /** {@code item/commandExecution/requestApproval}; answer with {@link CommandExecutionRequestApprovalResponse}. */
    record CommandExecutionRequestApproval(RequestId id, CommandExecutionRequestApprovalParams params)
            implements ServerRequest {}

    /** {@code item/fileChange/requestApproval}; answer with {@link FileChangeRequestApprovalResponse}. */
    record FileChangeRequestApproval(RequestId id, FileChangeRequestApprovalParams params) implements ServerRequest {}

    /** {@code item/tool/requestUserInput}; answer with {@link ToolRequestUserInputResponse}. */
    record ToolRequestUserInput(RequestId id, ToolRequestUserInputParams params) implements ServerRequest {}

    /** Any other server request, kept raw (elicitations, permissions, dynamic tools, token refresh, legacy v1). */
    record Unknown(RequestId id, String method, JsonNode params) implements ServerRequest {}
}
