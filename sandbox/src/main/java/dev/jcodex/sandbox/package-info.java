/**
 * Sandbox policies turned into launch plans: Landlock + seccomp applied to the spawning thread through the FFM
 * API (with read-only bind mounts over {@code .git}/{@code .agents}/{@code .codex} in a private mount namespace
 * of that thread when the JVM may create one, else Landlock rules split around them), bubblewrap argv, macOS
 * Seatbelt profiles; the denial heuristic; a self-test that attacks the sandbox with real child processes; and a
 * plain-words explanation of a policy.
 *
 * <p>Entry point: {@link dev.jcodex.sandbox.SandboxSelector#plan}.
 */
package dev.jcodex.sandbox;
