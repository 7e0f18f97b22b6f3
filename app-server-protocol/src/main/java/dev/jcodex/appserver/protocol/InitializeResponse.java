package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Result of {@code initialize}.
 *
 * @param platformFamily {@code unix} or {@code windows}
 * @param platformOs {@code linux}, {@code macos} or {@code windows}
 */
public record InitializeResponse(
        @JsonProperty("userAgent") String userAgent,
        @JsonProperty("codexHome") String codexHome,
        @JsonProperty("platformFamily") String platformFamily,
        @JsonProperty("platformOs") String platformOs) {}
