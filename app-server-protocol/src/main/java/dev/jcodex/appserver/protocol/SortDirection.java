package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Sort direction of list methods; the server default is descending. */
public enum SortDirection {
    @JsonProperty("desc") DESC,
    @JsonProperty("asc") ASC
}
