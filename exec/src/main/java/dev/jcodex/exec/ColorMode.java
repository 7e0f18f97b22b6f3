package dev.jcodex.exec;

/** {@code --color}: ANSI styling of the human output on stderr. */
public enum ColorMode {
    ALWAYS,
    NEVER,
    /** Styled when stderr is a terminal. */
    AUTO
}
