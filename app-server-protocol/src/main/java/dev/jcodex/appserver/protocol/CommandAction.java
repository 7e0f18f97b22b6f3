package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** A best-effort reading of what (part of) a command does, for display. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(CommandAction.Read.class),
        @JsonSubTypes.Type(CommandAction.ListFiles.class),
        @JsonSubTypes.Type(CommandAction.Search.class),
        @JsonSubTypes.Type(CommandAction.Unknown.class)})
public sealed interface CommandAction {

    /** The command text this action was read from. */
    String command();

    /** Reads file {@code path} (shown as {@code name}). */
    @JsonTypeName("read")
    record Read(@JsonProperty("command") String command, @JsonProperty("name") String name,
            @JsonProperty("path") String path) implements CommandAction {}

    /** Lists files, optionally under {@code path}. */
    @JsonTypeName("listFiles")
    record ListFiles(@JsonProperty("command") String command, @JsonProperty("path") String path)
            implements CommandAction {}

    /** Searches for {@code query}, optionally under {@code path}. */
    @JsonTypeName("search")
    record Search(@JsonProperty("command") String command, @JsonProperty("query") String query,
            @JsonProperty("path") String path) implements CommandAction {}

    /** Anything else. */
    @JsonTypeName("unknown")
    record Unknown(@JsonProperty("command") String command) implements CommandAction {}
}
