package dev.jcodex.execpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders argv as one shell-quoted line, the way approval prompts and rejection reasons show commands. */
final class ShellQuoting {

    private static final String NEEDS_QUOTING = "|&;<>()$`\\\"' \t\r\n*?[#~=%";

    private ShellQuoting() {}

    /**
     * Joins words with spaces, quoting each word that contains shell metacharacters in double quotes (with
     * {@code $ ` " \} backslash-escaped) and rendering the empty word as {@code ""}.
     */
    static String join(List<String> words) {
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (word.isEmpty()) {
            return "\"\"";
        }
        if (word.chars().noneMatch(c -> NEEDS_QUOTING.indexOf(c) >= 0)) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + 2).append('"');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '$' || c == '`' || c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
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
