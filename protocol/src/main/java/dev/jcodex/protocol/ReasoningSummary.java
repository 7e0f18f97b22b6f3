package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code model_reasoning_summary}. */
public enum ReasoningSummary implements WireEnum {
    AUTO, CONCISE, DETAILED, NONE;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.snake(this);
    }

    @JsonCreator
    public static ReasoningSummary fromWire(String value) {
        return WireEnum.parse(ReasoningSummary.class, value);
    }
}
