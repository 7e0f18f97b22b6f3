/**
 * Command execution for the shell tools: the session's {@link dev.jcodex.core.exec.ExecRuntime} (launcher, sandbox,
 * exec policy, unified exec sessions, session approvals), the {@link dev.jcodex.core.exec.ToolOrchestrator}
 * (approval → sandbox → attempt → escalation, spec §6.4), one-shot runs for {@code shell}/{@code shell_command}
 * ({@link dev.jcodex.core.exec.OneShotRun}), unified exec calls for {@code exec_command}/{@code write_stdin}
 * ({@link dev.jcodex.core.exec.UnifiedExecCalls}), the command item's events
 * ({@link dev.jcodex.core.exec.CommandItem}) and the model-facing output formats
 * ({@link dev.jcodex.core.exec.ShellOutputFormat}). The tool handlers themselves live in
 * {@code dev.jcodex.core.tools.handlers}.
 */
package dev.jcodex.core.exec;
