package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Result of {@code thread/list}: one page; {@code nextCursor} is null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ThreadListResponse(
        @JsonProperty("data") List<AppServerThread> data,
        @JsonProperty("nextCursor") String nextCursor,
        @JsonProperty("backwardsCursor") String backwardsCursor) {

    public ThreadListResponse {
        data = data == null ? List.of() : List.copyOf(data);
    }
}
