package dev.jcodex.exec;

/** What stdin is connected to. */
public enum StdinKind {
    /** An interactive terminal: never read unless forced with {@code -}. */
    TERMINAL,
    /** A pipe or file. */
    PIPED;

    /** {@link #TERMINAL} when {@code isTerminal}. */
    public static StdinKind of(boolean isTerminal) {
        return isTerminal ? TERMINAL : PIPED;
    }
}
