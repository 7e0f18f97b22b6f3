package dev.jcodex.execpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders argv as one shell-quoted line the way the reference's {@code shlex::try_join} does (approval
 * prompts, rejection reasons, rules-file example errors), and splits lines the way POSIX {@code shlex} does.
 */
final class ShellQuoting {

    private static final int UNQUOTED = 1;
    private static final int SINGLE_QUOTED = 2;
    private static final int DOUBLE_QUOTED = 4;

    private ShellQuoting() {}

    /**
     * Joins words with single spaces, each {@linkplain #quote quoted}; when a word contains a NUL character
     * (which {@code try_join} refuses to quote) the words are joined unquoted, as the reference falls back.
     */
    static String join(List<String> words) {
        return tryJoin(words).orElseGet(() -> String.join(" ", words));
    }

    /** The quoted line, or empty when a word contains a NUL character. */
    static Optional<String> tryJoin(List<String> words) {
        if (words.stream().anyMatch(word -> word.indexOf('\0') >= 0)) {
            return Optional.empty();
        }
        return Optional.of(words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" ")));
    }

    /**
     * Quotes one word: as is when it only holds {@code A-Z a-z 0-9 + - . / : @ ] _}; otherwise it is cut into
     * the fewest chunks, each written unquoted, in single quotes (preferred) or in double quotes (for chunks
     * holding {@code '} or {@code \}). {@code $ ` ! ^} never go in double quotes and {@code ^} only right
     * after an opening single quote; non-ASCII characters are always quoted; the empty word is {@code ''}.
     */
    static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        StringBuilder out = new StringBuilder(word.length() + 2);
        int start = 0;
        while (start < word.length()) {
            int allowed = UNQUOTED | SINGLE_QUOTED | DOUBLE_QUOTED;
            int end = start;
            if (word.charAt(start) == '^') {
                allowed = SINGLE_QUOTED;
                end++;
            }
            while (end < word.length()) {
                int next = allowed & strategiesFor(word.charAt(end));
                if (next == 0) {
                    break;
                }
                allowed = next;
                end++;
            }
            if (start == 0 && end == word.length() && (allowed & UNQUOTED) != 0) {
                return word;
            }
            appendChunk(out, word.substring(start, end), allowed);
            start = end;
        }
        return out.toString();
    }

    /** The quoting strategies a character can be written in. */
    private static int strategiesFor(char c) {
        if (c >= 0x80) {
            return SINGLE_QUOTED | DOUBLE_QUOTED;
        }
        int ok = 0;
        if (unquotedOk(c)) {
            ok |= UNQUOTED;
        }
        if (c != '\'' && c != '^' && c != '\\') {
            ok |= SINGLE_QUOTED;
        }
        if (c != '`' && c != '$' && c != '!' && c != '^') {
            ok |= DOUBLE_QUOTED;
        }
        return ok;
    }

    private static boolean unquotedOk(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "+-./:@]_".indexOf(c) >= 0;
    }

    private static void appendChunk(StringBuilder out, String chunk, int allowed) {
        if ((allowed & UNQUOTED) != 0) {
            out.append(chunk);
        } else if ((allowed & SINGLE_QUOTED) != 0) {
            out.append('\'').append(chunk).append('\'');
        } else {
            out.append('"');
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '"' || c == '\\' || c == '$' || c == '`') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
    }

    /**
     * Splits a command line the way POSIX {@code shlex} does: blanks separate words, single quotes are
     * literal, double quotes honour {@code \$ \` \" \\} escapes, an unquoted backslash escapes the next
     * character and {@code #} at the start of a word begins a comment. No operators, no expansions.
     *
     * @return the words, or empty on an unterminated quote or trailing backslash
     */
    static Optional<List<String>> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                int eol = line.indexOf('\n', i);
                i = eol < 0 ? line.length() : eol;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    return Optional.empty();
                }
                if (line.charAt(i + 1) != '\n') {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return Optional.empty();
                    }
                    char d = line.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(i + 1)) >= 0) {
                        if (line.charAt(i + 1) != '\n') {
                            word.append(line.charAt(i + 1));
                        }
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return Optional.of(List.copyOf(words));
    }
}
