package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The user's answer to an approval request. */
public enum ReviewDecision implements WireEnum {
    APPROVED,
    APPROVED_FOR_SESSION,
    DENIED,
    ABORT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.snake(this);
    }

    @JsonCreator
    public static ReviewDecision fromWire(String value) {
        return WireEnum.parse(ReviewDecision.class, value);
    }
}
