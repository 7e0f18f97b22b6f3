package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Params of the server request {@code item/fileChange/requestApproval}; {@code reason} and {@code grantRoot}
 * (a directory the patch wants write access to) are omitted when null.
 */
public record FileChangeRequestApprovalParams(
        @JsonProperty("threadId") String threadId,
        @JsonProperty("turnId") String turnId,
        @JsonProperty("itemId") String itemId,
        @JsonProperty("reason") String reason,
        @JsonProperty("grantRoot") String grantRoot) {}
