/**
 * The {@code apply_patch} patch language: a lenient parser, an in-memory planner that verifies every chunk of
 * every file before anything is written, an all-or-nothing committer with atomic per-file writes, detection of
 * {@code apply_patch} typed through shell tools, the standalone command and the Lark grammar for the freeform
 * tool definition.
 *
 * <p>Start at {@link dev.jcodex.applypatch.ApplyPatch}. Pure JDK; no other jcodex module is used.
 */
package dev.jcodex.applypatch;
