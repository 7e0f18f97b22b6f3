package dev.jcodex.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tool switches: {@code web_search}, {@code [tools]} (spec §8.3 "UI / behaviour").
 *
 * @param webSearch the effective web search mode (default {@link WebSearchMode#CACHED})
 * @param webSearchOptions {@code [tools.web_search]} filters/location/context size, untyped
 * @param viewImage {@code tools.view_image} (legacy {@code tools_view_image}; default true)
 * @param toolToggles other {@code tools.<name> = bool} or {@code [tools.<name>] enabled = bool} entries
 */
public record ToolsSettings(WebSearchMode webSearch, Map<String, Object> webSearchOptions, boolean viewImage,
        Map<String, Boolean> toolToggles) {

    public ToolsSettings {
        webSearchOptions = Map.copyOf(webSearchOptions);
        toolToggles = Map.copyOf(toolToggles);
    }

    static ToolsSettings parse(TableReader root, ParseContext ctx, Features features) {
        TableReader tools = root.table("tools");
        Boolean legacyWebSearch = null;
        Map<String, Object> options = Map.of();
        Boolean viewImage = root.bool("tools_view_image");
        Map<String, Boolean> toggles = new LinkedHashMap<>();
        if (tools != null) {
            for (String key : tools.keys()) {
                switch (key) {
                    case "web_search" -> {
                        if (tools.isTable(key)) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> table = (Map<String, Object>) tools.opaque(key);
                            options = table;
                        } else {
                            legacyWebSearch = tools.bool(key);
                        }
                    }
                    case "view_image" -> viewImage = tools.bool(key);
                    default -> toggles.put(key, toggle(tools, key));
                }
            }
        }
        return new ToolsSettings(webSearch(root, ctx, features, legacyWebSearch), options,
                viewImage == null || viewImage, toggles);
    }

    private static boolean toggle(TableReader tools, String key) {
        if (!tools.isTable(key)) {
            return tools.bool(key);
        }
        TableReader table = tools.table(key);
        for (String other : table.keys()) {
            if (!other.equals("enabled")) {
                table.opaque(other);
            }
        }
        return table.bool("enabled", true);
    }

    private static WebSearchMode webSearch(TableReader root, ParseContext ctx, Features features,
            Boolean legacyToolsFlag) {
        List<WebSearchMode> allowed = ctx.requirements().allowedWebSearchModes();
        WebSearchMode configured = root.enumValue("web_search", WebSearchMode.class);
        if (ctx.overrides().webSearch() != null) {
            WebSearchMode chosen = ctx.overrides().webSearch();
            ctx.requirements().requireAllowed("web_search", allowed, chosen, ctx.flag("web_search"));
            return chosen;
        }
        if (configured != null) {
            ctx.requirements().requireAllowed("web_search", allowed, configured, root.originOf("web_search"));
            return configured;
        }
        WebSearchMode legacy = null;
        if (features.isEnabled(Feature.WEB_SEARCH_CACHED)) {
            legacy = WebSearchMode.CACHED;
        } else if (features.isEnabled(Feature.WEB_SEARCH_REQUEST) || Boolean.TRUE.equals(legacyToolsFlag)) {
            legacy = WebSearchMode.LIVE;
        } else if (Boolean.FALSE.equals(legacyToolsFlag)) {
            legacy = WebSearchMode.DISABLED;
        }
        if (legacy != null && ConfigRequirements.allows(allowed, legacy)) {
            return legacy;
        }
        for (WebSearchMode preferred : List.of(WebSearchMode.CACHED, WebSearchMode.LIVE)) {
            if (ConfigRequirements.allows(allowed, preferred)) {
                return preferred;
            }
        }
        return WebSearchMode.DISABLED;
    }
}
