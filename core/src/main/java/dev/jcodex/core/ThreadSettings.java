package dev.jcodex.core;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.SandboxPolicy;
import java.nio.file.Path;

/**
 * The settings the next turn of a thread runs with; per-turn overrides replace them for that turn and after.
 *
 * @param model model slug
 * @param modelProviderId provider id (e.g. {@code openai})
 * @param cwd working directory
 * @param approvalPolicy when to ask before running commands
 * @param sandboxPolicy what commands may touch
 * @param reasoningEffort configured effort, or null when the model default applies
 * @param reasoningSummary configured summary mode, or null when the model default applies
 */
public record ThreadSettings(String model, String modelProviderId, Path cwd, AskForApproval approvalPolicy,
        SandboxPolicy sandboxPolicy, ReasoningEffort reasoningEffort, ReasoningSummary reasoningSummary) {}
