/**
 * The app-server wire protocol: the JSON-RPC envelope without a {@code "jsonrpc"} member
 * ({@link dev.jcodex.appserver.protocol.JsonRpcMessage}), method names ({@link dev.jcodex.appserver.protocol.Methods}),
 * error codes, and the v2 records (camelCase JSON) for the methods, notifications and server requests front ends
 * use. Unknown members are tolerated on read; unmodelled notifications, server requests and items are kept raw.
 */
package dev.jcodex.appserver.protocol;
