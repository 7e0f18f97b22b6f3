package dev.jcodex.applypatch;

import java.util.Optional;

/**
 * Recognises the one shell script shape that means "apply this patch":
 *
 * <pre>
 * [cd DIR &amp;&amp;] apply_patch &lt;&lt;['"]DELIM['"]
 * ...patch...
 * DELIM
 * </pre>
 *
 * <p>{@code applypatch} may stand for {@code apply_patch}; {@code <<-} strips leading tabs; {@code DIR} is one word,
 * a single-quoted string, or a double-quoted string without expansions. The patch may also be given as one quoted
 * argument ({@code apply_patch '...'}). Anything else (other commands, pipes, redirections, text after the
 * terminator) is not recognised, so the script runs as an ordinary command.
 */
final class ShellScriptParser {

    /** The recognised parts: the patch text and the {@code cd} argument, if any. */
    record Parsed(String patchText, Optional<String> cdDirectory) {
    }

    private final String script;
    private int pos;

    private ShellScriptParser(String script) {
        this.script = script;
    }

    static Optional<Parsed> parse(String script) {
        try {
            return new ShellScriptParser(script).parse();
        } catch (NotRecognised e) {
            return Optional.empty();
        }
    }

    /** Thrown internally when the script does not have the expected shape. */
    private static final class NotRecognised extends Exception {
        NotRecognised() {
            super(null, null, false, false);
        }
    }

    private Optional<Parsed> parse() throws NotRecognised {
        skipWhitespace(true);
        Optional<String> cd = Optional.empty();
        String first = word();
        if (first.equals("cd")) {
            requireBlank();
            cd = Optional.of(argument());
            skipWhitespace(false);
            expect("&&");
            skipWhitespace(true);
            first = word();
        }
        if (!first.equals("apply_patch") && !first.equals("applypatch")) {
            throw new NotRecognised();
        }
        skipWhitespace(false);
        String patch = startsWith("<<") ? heredoc() : quotedArgument();
        skipWhitespace(true);
        if (pos != script.length()) {
            throw new NotRecognised();
        }
        return Optional.of(new Parsed(patch, cd));
    }

    private String heredoc() throws NotRecognised {
        pos += 2;
        boolean stripTabs = startsWith("-");
        if (stripTabs) {
            pos++;
        }
        skipWhitespace(false);
        String delimiter = delimiter();
        skipWhitespace(false);
        if (startsWith("\r\n")) {
            pos++;
        }
        if (!startsWith("\n")) {
            throw new NotRecognised();
        }
        pos++;
        StringBuilder body = new StringBuilder();
        while (pos < script.length()) {
            int newline = script.indexOf('\n', pos);
            int end = newline < 0 ? script.length() : newline;
            String line = script.substring(pos, end);
            if (stripTabs) {
                line = line.replaceFirst("^\t+", "");
            }
            pos = newline < 0 ? end : end + 1;
            if (Lines.trimEnd(line).equals(delimiter)) {
                return body.toString();
            }
            body.append(line).append('\n');
        }
        throw new NotRecognised();
    }

    private String delimiter() throws NotRecognised {
        if (startsWith("'") || startsWith("\"")) {
            char quote = script.charAt(pos);
            int close = script.indexOf(quote, pos + 1);
            if (close < 0) {
                throw new NotRecognised();
            }
            String delimiter = script.substring(pos + 1, close);
            pos = close + 1;
            if (delimiter.isEmpty() || delimiter.indexOf('\n') >= 0) {
                throw new NotRecognised();
            }
            return delimiter;
        }
        if (startsWith("\\")) {
            pos++;
        }
        String delimiter = word();
        if (delimiter.isEmpty()) {
            throw new NotRecognised();
        }
        return delimiter;
    }

    /** A bare word, {@code 'single quoted'} or {@code "double quoted without expansions"}. */
    private String argument() throws NotRecognised {
        if (startsWith("'") || startsWith("\"")) {
            return quotedArgument();
        }
        String word = word();
        // Empty, or something the shell would expand (home directory, globs, braces): leave it to the shell.
        if (word.isEmpty() || word.startsWith("~") || word.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
            throw new NotRecognised();
        }
        return word;
    }

    private String quotedArgument() throws NotRecognised {
        if (!startsWith("'") && !startsWith("\"")) {
            throw new NotRecognised();
        }
        char quote = script.charAt(pos);
        int close = script.indexOf(quote, pos + 1);
        if (close < 0) {
            throw new NotRecognised();
        }
        String value = script.substring(pos + 1, close);
        if (quote == '"' && (value.indexOf('$') >= 0 || value.indexOf('`') >= 0 || value.indexOf('\\') >= 0)) {
            throw new NotRecognised();
        }
        pos = close + 1;
        if (pos < script.length() && !isBlank(script.charAt(pos))) {
            throw new NotRecognised();
        }
        return value;
    }

    /** Characters up to whitespace or a shell metacharacter; a quote or expansion inside makes it unrecognised. */
    private String word() throws NotRecognised {
        int start = pos;
        while (pos < script.length()) {
            char c = script.charAt(pos);
            if (Character.isWhitespace(c) || ";&|<>()".indexOf(c) >= 0) {
                break;
            }
            if ("'\"`$\\".indexOf(c) >= 0) {
                throw new NotRecognised();
            }
            pos++;
        }
        return script.substring(start, pos);
    }

    private void expect(String token) throws NotRecognised {
        if (!startsWith(token)) {
            throw new NotRecognised();
        }
        pos += token.length();
    }

    private void requireBlank() throws NotRecognised {
        if (pos >= script.length() || !isBlank(script.charAt(pos))) {
            throw new NotRecognised();
        }
        skipWhitespace(false);
    }

    private void skipWhitespace(boolean newlines) {
        while (pos < script.length()) {
            char c = script.charAt(pos);
            if (isBlank(c) || (newlines && (c == '\n' || c == '\r'))) {
                pos++;
            } else if (newlines && c == '\\' && pos + 1 < script.length() && script.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                return;
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private boolean startsWith(String token) {
        return script.startsWith(token, pos);
    }
}
