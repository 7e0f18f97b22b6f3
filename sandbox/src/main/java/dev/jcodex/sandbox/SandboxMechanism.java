package dev.jcodex.sandbox;

/** What enforces a sandbox policy on this machine. */
public enum SandboxMechanism {
    /** Nothing: the command runs as the user (danger-full-access, or no mechanism available). */
    NONE("no sandbox"),
    /** Landlock + seccomp applied to the spawning thread through the FFM API (Linux). */
    LANDLOCK("Landlock + seccomp"),
    /** The {@code bwrap} program wraps the command in new namespaces (Linux). */
    BUBBLEWRAP("bubblewrap"),
    /** {@code /usr/bin/sandbox-exec} with a generated Seatbelt profile (macOS). */
    SEATBELT("macOS Seatbelt");

    private final String displayName;

    SandboxMechanism(String displayName) {
        this.displayName = displayName;
    }

    /** Human-readable name, e.g. "Landlock + seccomp". */
    public String displayName() {
        return displayName;
    }
}
