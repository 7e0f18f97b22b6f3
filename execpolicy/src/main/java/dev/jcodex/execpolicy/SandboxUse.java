package dev.jcodex.execpolicy;

/** How the first attempt of an approved command runs. */
public enum SandboxUse {
    /** Under the turn's sandbox policy (no sandbox at all for danger-full-access). */
    APPLY_POLICY,
    /** Without a sandbox: escalation was requested and approved, or rules explicitly allow every command. */
    BYPASS
}
