package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** How a file changes: {@code {"type":"add"}}, {@code {"type":"delete"}} or {@code {"type":"update","move_path":…}}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(PatchChangeKind.Add.class),
        @JsonSubTypes.Type(PatchChangeKind.Delete.class),
        @JsonSubTypes.Type(PatchChangeKind.Update.class)})
public sealed interface PatchChangeKind {

    /** A new file. */
    @JsonTypeName("add")
    record Add() implements PatchChangeKind {}

    /** A removed file. */
    @JsonTypeName("delete")
    record Delete() implements PatchChangeKind {}

    /** An edited file, moved to {@code movePath} when that is not null (written as {@code null} otherwise). */
    @JsonTypeName("update")
    record Update(@JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("move_path") String movePath)
            implements PatchChangeKind {}
}
