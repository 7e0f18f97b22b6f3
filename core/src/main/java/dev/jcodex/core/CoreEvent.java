package dev.jcodex.core;

import dev.jcodex.protocol.EventMsg;

/**
 * One event of a thread, in emission order.
 *
 * @param threadId the thread that emitted it
 * @param msg the event
 */
public record CoreEvent(String threadId, EventMsg msg) {}
