package dev.jcodex.modelclient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jcodex.protocol.WireEnum;

/** Which shell tool a model is offered ({@code shell_type} of the model catalog). */
public enum ShellToolType implements WireEnum {
    /** The JSON-argument {@code shell} function tool. */
    DEFAULT,
    /** The Responses built-in {@code local_shell} tool. */
    LOCAL,
    /** {@code exec_command} / {@code write_stdin} (unified exec). */
    UNIFIED_EXEC,
    /** {@code shell_command} (a single command string). */
    SHELL_COMMAND;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.snake(this);
    }

    @JsonCreator
    public static ShellToolType fromWire(String value) {
        return WireEnum.parse(ShellToolType.class, value);
    }
}
