package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Params of {@code thread/unsubscribe}: stop sending this connection the thread's notifications. */
public record ThreadUnsubscribeParams(@JsonProperty("threadId") String threadId) {}
