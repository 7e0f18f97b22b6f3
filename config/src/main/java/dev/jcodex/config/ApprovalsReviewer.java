package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;

/** {@code approvals_reviewer}: who answers approval prompts. */
public enum ApprovalsReviewer implements WireEnum {
    /** The user (default). */
    USER,
    /** A reviewer sub-agent (legacy spelling {@code guardian_subagent} is accepted). */
    AUTO_REVIEW;

    @Override
    public String wire() {
        return WireEnum.snake(this);
    }
}
