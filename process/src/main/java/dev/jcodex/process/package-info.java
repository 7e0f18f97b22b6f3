/**
 * Spawning and supervising child processes for the shell tools: {@link dev.jcodex.process.ProcessLauncher} (native
 * {@code posix_spawn} with per-thread spawn confinement on Linux), {@link dev.jcodex.process.RunningProcess} (owns the
 * child and kills its whole tree on close), {@link dev.jcodex.process.UnifiedExecSessions} ({@code exec_command} /
 * {@code write_stdin} sessions over pipes or a PTY), shell detection and quoting, and {@code
 * shell_environment_policy}.
 */
package dev.jcodex.process;
