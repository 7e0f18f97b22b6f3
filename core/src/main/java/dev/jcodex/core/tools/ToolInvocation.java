package dev.jcodex.core.tools;

/**
 * One call of a tool within a turn.
 *
 * @param callId the model's call id
 * @param toolName the name the model called
 * @param payload arguments
 * @param turn services and settings of the running turn
 */
public record ToolInvocation(String callId, String toolName, ToolPayload payload, TurnServices turn) {

    /** The function arguments, or a {@link ToolArgumentException} if this is not a function call. */
    public String functionArguments() {
        return switch (payload) {
            case ToolPayload.Function f -> f.arguments();
            case ToolPayload.Custom c -> throw new ToolArgumentException(toolName + " expects JSON function arguments");
            case ToolPayload.LocalShell l -> throw new ToolArgumentException(toolName + " expects JSON function arguments");
        };
    }
}
