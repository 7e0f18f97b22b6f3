/**
 * Exec policy: which shell commands run without asking, which need the user's approval and which are refused.
 *
 * <ul>
 *   <li>{@link dev.jcodex.execpolicy.BashCommandParser} and {@link dev.jcodex.execpolicy.ShellInvocation} read
 *       {@code bash -lc "a && b | c"} scripts into plain commands (anything more complex stays opaque);</li>
 *   <li>{@link dev.jcodex.execpolicy.SafeCommands} and {@link dev.jcodex.execpolicy.DangerousCommands} are the
 *       heuristics;</li>
 *   <li>{@link dev.jcodex.execpolicy.PolicyLoader} reads {@code prefix_rule(…)} rules files into a
 *       {@link dev.jcodex.execpolicy.Policy};</li>
 *   <li>{@link dev.jcodex.execpolicy.ExecApprovals#decide} combines them with the approval and sandbox policies;</li>
 *   <li>{@link dev.jcodex.execpolicy.ExecPolicyCheckCommand} is {@code codex execpolicy check}.</li>
 * </ul>
 */
package dev.jcodex.execpolicy;
