package dev.jcodex.process;

import java.util.List;
import java.util.StringJoiner;

/**
 * Renders argv as one shell-quoted line, exactly as the reference renders {@code command} in {@code exec --json}
 * output ({@code shlex::try_join} of the Rust {@code shlex} crate 1.3): words made only of {@code
 * [A-Za-z0-9+-./:@]_} stay bare; others are quoted in chunks, preferring single quotes and using double quotes (with
 * backslash escapes) where a single quote, backslash or caret forbids them; an empty word is {@code ''}.
 */
public final class ShellWords {

    /** What the reference shows for a command containing a NUL character. */
    public static final String NUL_PLACEHOLDER = "<command included NUL byte>";

    private static final int UNQUOTED = 1;
    private static final int SINGLE = 2;
    private static final int DOUBLE = 4;

    private ShellWords() {}

    /** {@code argv} quoted and joined by single spaces; {@link #NUL_PLACEHOLDER} if any word contains NUL. */
    public static String join(List<String> argv) {
        StringJoiner joined = new StringJoiner(" ");
        for (String word : argv) {
            if (word.indexOf('\0') >= 0) {
                return NUL_PLACEHOLDER;
            }
            joined.add(quote(word));
        }
        return joined.toString();
    }

    /**
     * One word quoted for a POSIX shell.
     *
     * @throws IllegalArgumentException if {@code word} contains NUL
     */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("word contains a NUL character");
        }
        if (word.isEmpty()) {
            return "''";
        }
        StringBuilder out = new StringBuilder(word.length() + 2);
        int start = 0;
        while (start < word.length()) {
            int[] chunk = chunk(word, start);
            int end = chunk[0];
            String text = word.substring(start, end);
            if (start == 0 && end == word.length() && chunk[1] == UNQUOTED) {
                return word;
            }
            switch (chunk[1]) {
                case UNQUOTED -> out.append(text);
                case SINGLE -> out.append('\'').append(text).append('\'');
                default -> {
                    out.append('"');
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (c == '$' || c == '`' || c == '"' || c == '\\') {
                            out.append('\\');
                        }
                        out.append(c);
                    }
                    out.append('"');
                }
            }
            start = end;
        }
        return out.toString();
    }

    /** The longest prefix from {@code start} that one strategy covers: {end, strategy}. */
    private static int[] chunk(String word, int start) {
        int ok = UNQUOTED | SINGLE | DOUBLE;
        int i = start;
        if (word.charAt(i) == '^') {
            ok = SINGLE;
            i++;
        }
        for (; i < word.length(); i++) {
            char c = word.charAt(i);
            int current = ok;
            if (c >= 0x80) {
                current &= ~UNQUOTED;
            } else {
                if (!unquotedOk(c)) {
                    current &= ~UNQUOTED;
                }
                if (c == '\'' || c == '^' || c == '\\') {
                    current &= ~SINGLE;
                }
                if (c == '`' || c == '$' || c == '!' || c == '^') {
                    current &= ~DOUBLE;
                }
            }
            if (current == 0) {
                break;
            }
            ok = current;
        }
        int strategy = (ok & UNQUOTED) != 0 ? UNQUOTED : (ok & SINGLE) != 0 ? SINGLE : DOUBLE;
        return new int[] {i, strategy};
    }

    private static boolean unquotedOk(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '+' || c == '-' || c == '.' || c == '/' || c == ':' || c == '@' || c == ']' || c == '_';
    }
}
