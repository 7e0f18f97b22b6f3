package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Params of {@code initialize}; {@code capabilities} may be omitted. */
public record InitializeParams(
        @JsonProperty("clientInfo") ClientInfo clientInfo,
        @JsonProperty("capabilities") InitializeCapabilities capabilities) {}
