package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Client capabilities sent with {@code initialize}.
 *
 * @param experimentalApi opt in to experimental methods and fields (default false)
 * @param optOutNotificationMethods exact notification method names the server must not send
 */
public record InitializeCapabilities(
        @JsonProperty("experimentalApi") Boolean experimentalApi,
        @JsonProperty("optOutNotificationMethods") List<String> optOutNotificationMethods) {}
