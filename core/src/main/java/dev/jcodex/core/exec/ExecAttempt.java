package dev.jcodex.core.exec;

import dev.jcodex.process.ExecRequest;

/**
 * How a tool runs one attempt of its command, for {@link ToolOrchestrator}: one-shot to completion ({@code shell},
 * {@code shell_command}) or a unified exec session ({@code exec_command}).
 *
 * @param <T> what an attempt produces
 */
public interface ExecAttempt<T> {

    /**
     * Runs the prepared request (argv possibly wrapped, confinement and sandbox variables applied).
     *
     * @throws InterruptedException if interrupted; implementations kill what they started first
     */
    T run(ExecRequest request) throws InterruptedException;

    /** Whether a sandboxed attempt's result looks like the sandbox refused something (spec §6.4 step 5). */
    boolean deniedBySandbox(T result);
}
