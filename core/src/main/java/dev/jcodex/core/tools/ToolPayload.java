package dev.jcodex.core.tools;

import tools.jackson.databind.JsonNode;

/** The arguments of a tool call as the model sent them. */
public sealed interface ToolPayload {

    /** A function tool call: {@code arguments} is a JSON object encoded as a string. */
    record Function(String arguments) implements ToolPayload {}

    /** A freeform (custom) tool call: raw text input. */
    record Custom(String input) implements ToolPayload {}

    /** The Responses built-in {@code local_shell} action. */
    record LocalShell(JsonNode action) implements ToolPayload {}
}
