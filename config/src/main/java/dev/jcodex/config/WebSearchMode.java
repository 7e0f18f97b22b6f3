package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;

/** {@code web_search}: whether and how the model may search the web (default {@link #CACHED}). */
public enum WebSearchMode implements WireEnum {
    /** No web search tool. */
    DISABLED,
    /** Search served from OpenAI's cache. */
    CACHED,
    /** Live web access ({@code --search}). */
    LIVE;

    @Override
    public String wire() {
        return WireEnum.kebab(this);
    }
}
