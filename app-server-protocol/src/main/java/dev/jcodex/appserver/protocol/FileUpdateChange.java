package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One changed file of a {@link ThreadItem.FileChange}: absolute path, kind and unified diff. */
public record FileUpdateChange(
        @JsonProperty("path") String path,
        @JsonProperty("kind") PatchChangeKind kind,
        @JsonProperty("diff") String diff) {}
