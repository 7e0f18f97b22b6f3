package dev.jcodex.exec;

/**
 * Which of stdout and stderr are terminals. Decides {@link ColorMode#AUTO} (stderr) and whether the human output
 * prints the final message on stdout (not when both are terminals).
 */
public record Terminals(boolean stdoutIsTerminal, boolean stderrIsTerminal) {
    /** Neither is a terminal (pipes, files, tests). */
    public static final Terminals NONE = new Terminals(false, false);
}
