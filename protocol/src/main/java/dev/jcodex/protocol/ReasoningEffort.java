package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code model_reasoning_effort}. */
public enum ReasoningEffort implements WireEnum {
    NONE, MINIMAL, LOW, MEDIUM, HIGH, XHIGH;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.snake(this);
    }

    @JsonCreator
    public static ReasoningEffort fromWire(String value) {
        return WireEnum.parse(ReasoningEffort.class, value);
    }
}
