package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The user-facing sandbox mode ({@code sandbox_mode}, {@code -s}). */
public enum SandboxMode implements WireEnum {
    READ_ONLY,
    WORKSPACE_WRITE,
    DANGER_FULL_ACCESS;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.kebab(this);
    }

    @JsonCreator
    public static SandboxMode fromWire(String value) {
        return WireEnum.parse(SandboxMode.class, value);
    }
}
