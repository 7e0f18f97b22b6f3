package dev.jcodex.appserver.client;

import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;

/** What {@link AppServerClient#next} hands the front end: a notification, or a server request to answer. */
public sealed interface ServerEvent {

    /** A notification; nothing to answer. */
    record Notification(ServerNotification notification) implements ServerEvent {}

    /**
     * A request from the server; answer it with {@link AppServerClient#respond} or
     * {@link AppServerClient#respondError} under {@code request.id()}.
     */
    record Request(ServerRequest request) implements ServerEvent {}
}
