package dev.jcodex.appserver.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who started a {@link ThreadItem.CommandExecution}. */
public enum CommandExecutionSource {
    /** A tool call of the model. */
    @JsonProperty("agent") AGENT,
    /** A user {@code !cmd} shell command. */
    @JsonProperty("userShell") USER_SHELL,
    /** The start of a unified-exec session. */
    @JsonProperty("unifiedExecStartup") UNIFIED_EXEC_STARTUP,
    /** Input written to a running unified-exec session. */
    @JsonProperty("unifiedExecInteraction") UNIFIED_EXEC_INTERACTION
}
