package dev.jcodex.execpolicy;

import java.util.Locale;

/** What sandboxing a tool call asked for ({@code sandbox_permissions} in shell tool arguments). */
public enum SandboxPermissions {
    /** Run under the turn's sandbox policy. */
    USE_DEFAULT,
    /** Run outside the sandbox; needs approval and is only accepted under {@code on-request}. */
    REQUIRE_ESCALATED;

    /** The wire spelling: {@code use_default}, {@code require_escalated}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire spelling. */
    public static SandboxPermissions fromWire(String value) {
        return switch (value) {
            case "use_default" -> USE_DEFAULT;
            case "require_escalated" -> REQUIRE_ESCALATED;
            default -> throw new IllegalArgumentException("unknown sandbox_permissions: " + value);
        };
    }
}
