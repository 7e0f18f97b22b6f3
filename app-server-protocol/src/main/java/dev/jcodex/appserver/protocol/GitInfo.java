package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Git metadata captured when a thread was created; each member is null when unknown. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GitInfo(
        @JsonProperty("sha") String sha,
        @JsonProperty("branch") String branch,
        @JsonProperty("originUrl") String originUrl) {}
