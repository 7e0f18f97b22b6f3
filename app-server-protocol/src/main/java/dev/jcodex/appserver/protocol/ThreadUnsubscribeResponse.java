package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Result of {@code thread/unsubscribe}. */
public record ThreadUnsubscribeResponse(@JsonProperty("status") Status status) {

    /** What the unsubscribe did. */
    public enum Status {
        @JsonProperty("unsubscribed") UNSUBSCRIBED,
        @JsonProperty("notSubscribed") NOT_SUBSCRIBED,
        @JsonProperty("notLoaded") NOT_LOADED
    }
}
