package dev.jcodex.execpolicy;

import java.util.Locale;

/** What a rule (or the heuristics) says about a command, in increasing strictness. */
public enum Decision {
    /** Run without asking. */
    ALLOW,
    /** Ask the user first. */
    PROMPT,
    /** Never run. */
    FORBIDDEN;

    /** The rules-file / JSON spelling: {@code allow}, {@code prompt}, {@code forbidden}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the rules-file spelling. */
    public static Decision parse(String value) {
        return switch (value) {
            case "allow" -> ALLOW;
            case "prompt" -> PROMPT;
            case "forbidden" -> FORBIDDEN;
            default -> throw new IllegalArgumentException("invalid decision: " + value);
        };
    }

    /** The stricter of the two ({@code forbidden > prompt > allow}). */
    public Decision strictest(Decision other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
