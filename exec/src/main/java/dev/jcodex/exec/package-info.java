/**
 * Headless {@code codex exec}: {@link dev.jcodex.exec.ExecRunner} drives one turn through an
 * {@code AppServerClient} and prints it as human text or as {@code --json} JSONL; {@link dev.jcodex.exec.PromptResolver}
 * implements the prompt / stdin rules. Command-line parsing lives in the {@code cli} module.
 */
package dev.jcodex.exec;
