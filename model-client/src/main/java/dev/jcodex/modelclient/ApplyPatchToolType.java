package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jcodex.protocol.WireEnum;

/** How {@code apply_patch} is offered to a model ({@code apply_patch_tool_type} of the model catalog). */
public enum ApplyPatchToolType implements WireEnum {
    /** A custom (freeform, Lark grammar) tool. */
    FREEFORM,
    /** A JSON function tool with an {@code input} string. */
    FUNCTION,
    /** No apply_patch tool. */
    NONE;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.snake(this);
    }

    @JsonCreator
    public static ApplyPatchToolType fromWire(String value) {
        return WireEnum.parse(ApplyPatchToolType.class, value);
    }
}
