package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When the agent asks the user before running a command ({@code approval_policy}, {@code -a}). */
public enum AskForApproval implements WireEnum {
    /** Ask for everything except known-safe read-only commands. */
    UNTRUSTED,
    /** Run in the sandbox; ask only to re-run without it after a failure (deprecated). */
    ON_FAILURE,
    /** The model decides when to ask (escalation requests). */
    ON_REQUEST,
    /** Never ask; failures go back to the model. */
    NEVER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.kebab(this);
    }

    @JsonCreator
    public static AskForApproval fromWire(String value) {
        return WireEnum.parse(AskForApproval.class, value);
    }
}
