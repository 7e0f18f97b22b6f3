package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;

/** Which HTTP API a model provider speaks ({@code wire_api}). */
public enum WireApi implements WireEnum {
    /** OpenAI Responses API: {@code POST {base_url}/responses}. */
    RESPONSES,
    /** Chat Completions: {@code POST {base_url}/chat/completions}. */
    CHAT;

    @Override
    public String wire() {
        return WireEnum.snake(this);
    }
}
