package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Params of {@code thread/list}; every member is optional and omitted when null.
 *
 * @param cwd a path string or an array of path strings
 * @param searchTerm filter on thread names / previews
 */
public record ThreadListParams(
        @JsonProperty("cursor") String cursor,
        @JsonProperty("limit") Integer limit,
        @JsonProperty("sortKey") ThreadSortKey sortKey,
        @JsonProperty("sortDirection") SortDirection sortDirection,
        @JsonProperty("modelProviders") List<String> modelProviders,
        @JsonProperty("sourceKinds") List<ThreadSourceKind> sourceKinds,
        @JsonProperty("archived") Boolean archived,
        @JsonProperty("cwd") JsonNode cwd,
        @JsonProperty("useStateDbOnly") Boolean useStateDbOnly,
        @JsonProperty("searchTerm") String searchTerm) {}
