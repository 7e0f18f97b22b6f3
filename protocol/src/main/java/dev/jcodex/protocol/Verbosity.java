package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code model_verbosity}: the Responses {@code text.verbosity}. */
public enum Verbosity implements WireEnum {
    LOW, MEDIUM, HIGH;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.snake(this);
    }

    @JsonCreator
    public static Verbosity fromWire(String value) {
        return WireEnum.parse(Verbosity.class, value);
    }
}
