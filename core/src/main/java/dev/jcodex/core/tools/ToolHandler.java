package dev.jcodex.core.tools;

import tools.jackson.databind.JsonNode;

/** One tool: its wire spec and how calls are executed. Each implementation lives in {@code tools.handlers}. */
public interface ToolHandler {

    /** Name the model calls. */
    String name();

    /** The {@code tools[]} entry advertised to the model. */
    JsonNode spec();

    /** Whether a call may change files or processes (writers run alone; readers may run in parallel). */
    default boolean mutating(ToolInvocation invocation) {
        return true;
    }

    /** Executes the call. Bad arguments → {@link ToolArgumentException}; turn-ending → {@link TurnAbortedException}. */
    ToolResult handle(ToolInvocation invocation) throws InterruptedException;
}
