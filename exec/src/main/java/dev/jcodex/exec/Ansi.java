package dev.jcodex.exec;

/** The ANSI SGR styles the human output uses; {@link Painter} applies them. */
enum Ansi {
    BOLD(1), DIMMED(2), ITALIC(3), RED(31), GREEN(32), YELLOW(33), MAGENTA(35), CYAN(36);

    final int code;

    Ansi(int code) {
        this.code = code;
    }

    /** Applies styles when enabled ({@code --color}); each style wraps the previous result. */
    record Painter(boolean enabled) {
        String paint(String text, Ansi... styles) {
            if (!enabled) {
                return text;
            }
            String out = text;
            for (Ansi style : styles) {
                out = "\u001b[" + style.code + "m" + out + "\u001b[0m";
            }
            return out;
        }
    }
}
