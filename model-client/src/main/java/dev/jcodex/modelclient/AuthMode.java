package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jcodex.protocol.WireEnum;

/** {@code auth_mode} of auth.json. */
public enum AuthMode implements WireEnum {
    /** An OpenAI API key ({@code "apikey"}). */
    API_KEY,
    /** ChatGPT OAuth tokens ({@code "chatgpt"}). */
    CHATGPT;

    @JsonValue
    @Override
    public String wire() {
        return this == API_KEY ? "apikey" : "chatgpt";
    }

    @JsonCreator
    public static AuthMode fromWire(String value) {
        return WireEnum.parse(AuthMode.class, value);
    }
}
