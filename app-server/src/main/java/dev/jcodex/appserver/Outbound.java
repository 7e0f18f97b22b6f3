package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.ServerNotification;

/** What one core event makes the server do for a thread's subscribers, in order. */
sealed interface Outbound {

    /** Send this notification to every subscriber. */
    record Notify(ServerNotification notification) implements Outbound {}

    /**
     * Ask the subscribers for an approval with the server request {@code method} and {@code params}; the answer
     * goes back to the core under {@code callId}.
     */
    record Ask(ApprovalKind kind, String turnId, String callId, Object params) implements Outbound {}

    /** The turn ended: approvals still pending for it are resolved (the core has aborted them). */
    record TurnEnded(String turnId) implements Outbound {}

    /** Which approval a server request asks for. */
    enum ApprovalKind { COMMAND_EXECUTION, FILE_CHANGE, USER_INPUT }
}
