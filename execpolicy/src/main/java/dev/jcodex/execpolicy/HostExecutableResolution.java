package dev.jcodex.execpolicy;

/** Whether an absolute program path may fall back to the rules written for its basename. */
public enum HostExecutableResolution {
    /** {@code /usr/bin/git status} only matches rules whose first token is {@code /usr/bin/git}. */
    EXACT_ONLY,
    /**
     * When no exact rule matches, {@code /usr/bin/git} may use the rules for {@code git} — only for the paths a
     * {@code host_executable(name="git", paths=[…])} lists, or for any path when no such entry exists.
     */
    RESOLVE_BASENAME
}
