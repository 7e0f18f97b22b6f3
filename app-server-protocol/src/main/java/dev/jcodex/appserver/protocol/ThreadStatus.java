package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Runtime status of a thread (tag {@code type}). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ThreadStatus.NotLoaded.class),
        @JsonSubTypes.Type(ThreadStatus.Idle.class),
        @JsonSubTypes.Type(ThreadStatus.SystemError.class),
        @JsonSubTypes.Type(ThreadStatus.Active.class)})
public sealed interface ThreadStatus {

    /** Stored but not loaded in this server. */
    @JsonTypeName("notLoaded")
    record NotLoaded() implements ThreadStatus {}

    /** Loaded, no turn running. */
    @JsonTypeName("idle")
    record Idle() implements ThreadStatus {}

    /** Loaded but broken. */
    @JsonTypeName("systemError")
    record SystemError() implements ThreadStatus {}

    /** A turn is running; flags are {@code waitingOnApproval}, {@code waitingOnUserInput}, … */
    @JsonTypeName("active")
    record Active(@JsonProperty("activeFlags") List<String> activeFlags) implements ThreadStatus {
        public Active {
            activeFlags = activeFlags == null ? List.of() : List.copyOf(activeFlags);
        }
    }
}
