package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who the client is; {@code name} becomes the {@code originator} and the User-Agent suffix
 * {@code (<name>; <version>)}, so it must be a valid HTTP header value.
 */
public record ClientInfo(
        @JsonProperty("name") String name,
        @JsonProperty("title") String title,
        @JsonProperty("version") String version) {

    /** Without a title. */
    public static ClientInfo of(String name, String version) {
        return new ClientInfo(name, null, version);
    }
}
