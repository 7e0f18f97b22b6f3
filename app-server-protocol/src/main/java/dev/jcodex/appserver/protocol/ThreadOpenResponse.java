package dev.jcodex.appserver.protocol;

import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ReasoningEffort;

/** What {@code thread/start}, {@code thread/resume} and {@code thread/fork} all answer: the thread and its settings. */
public sealed interface ThreadOpenResponse permits ThreadStartResponse, ThreadResumeResponse, ThreadForkResponse {
    /** The thread (with turns for resume and fork). */
    AppServerThread thread();

    /** The effective model slug. */
    String model();

    /** The effective model provider id. */
    String modelProvider();

    /** The service tier, or null. */
    String serviceTier();

    /** The effective working directory. */
    String cwd();

    /** The effective approval policy. */
    AskForApproval approvalPolicy();

    /** {@code user} or {@code guardian_subagent}, or null. */
    String approvalsReviewer();

    /** The effective sandbox policy. */
    SandboxPolicy sandbox();

    /** The configured reasoning effort, or null when unset. */
    ReasoningEffort reasoningEffort();
}
