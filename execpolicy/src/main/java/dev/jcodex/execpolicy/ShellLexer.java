package dev.jcodex.execpolicy;

import dev.jcodex.execpolicy.ShellToken.Comment;
import dev.jcodex.execpolicy.ShellToken.Feature;
import dev.jcodex.execpolicy.ShellToken.HeredocBody;
import dev.jcodex.execpolicy.ShellToken.Operator;
import dev.jcodex.execpolicy.ShellToken.Redirection;
import dev.jcodex.execpolicy.ShellToken.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Splits bash source into {@link ShellToken}s following bash's own lexical rules for quoting, escapes,
 * operators, comments and here-documents. It does not expand anything: expansions are kept verbatim in the
 * word value and flagged, and the text of command substitutions is collected for nested scans.
 */
final class ShellLexer {

    /** Input the lexer cannot tokenise: unterminated quotes, unbalanced substitutions, NUL bytes… */
    static final class LexException extends Exception {
        LexException(String message) {
            super(message, null, false, false);
        }
    }

    /** Longest match first within each leading character. */
    private static final List<String> OPERATORS = List.of(
            "&&", "&>>", "&>", "&", "||", "|&", "|", ";;&", ";;", ";&", ";", "(", ")",
            "<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">|", ">&", ">");

    private record PendingHeredoc(String delimiter, boolean expands, boolean stripTabs) {}

    private final String src;
    private int pos;
    private final List<ShellToken> tokens = new ArrayList<>();
    private final List<PendingHeredoc> pendingHeredocs = new ArrayList<>();
    private String heredocOperatorAwaitingDelimiter;

    private ShellLexer(String src) {
        this.src = src;
    }

    /** Tokenises {@code script}. */
    static List<ShellToken> tokenize(String script) throws LexException {
        if (script.indexOf('\0') >= 0) {
            throw new LexException("NUL byte in script");
        }
        ShellLexer lexer = new ShellLexer(script);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() throws LexException {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                requireMoreInput();
            } else if (c == '\n') {
                requireNoPendingDelimiter();
                pos++;
                tokens.add(new Operator("\n"));
                readHeredocBodies();
            } else if (c == '#') {
                requireNoPendingDelimiter();
                int end = src.indexOf('\n', pos);
                end = end < 0 ? src.length() : end;
                tokens.add(new Comment(src.substring(pos + 1, end)));
                pos = end;
            } else if (isOperatorChar(c)) {
                requireNoPendingDelimiter();
                lexOperator();
            } else {
                lexWord();
            }
        }
        requireNoPendingDelimiter();
        if (!pendingHeredocs.isEmpty()) {
            throw new LexException("here-document without body");
        }
    }

    /** A line continuation must continue something (the reference grammar rejects one at the very end). */
    private void requireMoreInput() throws LexException {
        if (pos >= src.length()) {
            throw new LexException("line continuation at end of script");
        }
    }

    private void requireNoPendingDelimiter() throws LexException {
        if (heredocOperatorAwaitingDelimiter != null) {
            throw new LexException("missing here-document delimiter after " + heredocOperatorAwaitingDelimiter);
        }
    }

    private static boolean isOperatorChar(char c) {
        return c == '&' || c == '|' || c == ';' || c == '(' || c == ')' || c == '<' || c == '>';
    }

    private void lexOperator() {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                if (op.startsWith("<") || op.startsWith(">") || op.startsWith("&>")) {
                    tokens.add(new Redirection(op));
                    if (op.equals("<<") || op.equals("<<-")) {
                        heredocOperatorAwaitingDelimiter = op;
                    }
                } else {
                    tokens.add(new Operator(op));
                }
                return;
            }
        }
        throw new IllegalStateException("unreachable: operator char without operator at " + pos);
    }

    private void lexWord() throws LexException {
        StringBuilder value = new StringBuilder();
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        List<String> substitutions = new ArrayList<>();
        boolean unquotedSoFar = true;
        int wordStart = pos;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || isOperatorChar(c)) {
                break;
            }
            switch (c) {
                case '\\' -> {
                    if (pos + 1 >= src.length()) {
                        throw new LexException("trailing backslash");
                    }
                    char next = src.charAt(pos + 1);
                    pos += 2;
                    if ((next == ' ' || next == '\t') && pos >= src.length()) {
                        throw new LexException("escaped blank at end of script"); // the reference grammar rejects it
                    }
                    if (next != '\n') {
                        value.append(next);
                        features.add(Feature.QUOTED);
                        unquotedSoFar = false;
                    } else {
                        requireMoreInput();
                        if (pos > wordStart + 2) {
                            features.add(Feature.QUOTED); // a continued word is never a bare command name
                        }
                    }
                }
                case '\'' -> {
                    int end = src.indexOf('\'', pos + 1);
                    if (end < 0) {
                        throw new LexException("unterminated single quote");
                    }
                    value.append(src, pos + 1, end);
                    pos = end + 1;
                    features.add(Feature.QUOTED);
                    unquotedSoFar = false;
                }
                case '"' -> {
                    lexDoubleQuoted(value, features, substitutions);
                    unquotedSoFar = false;
                }
                case '$' -> {
                    lexDollar(value, features, substitutions, false);
                    unquotedSoFar = false;
                }
                case '`' -> {
                    int start = pos;
                    substitutions.add(readBackticks());
                    value.append(src, start, pos);
                    features.add(Feature.EXPANSION);
                    unquotedSoFar = false;
                }
                default -> {
                    if (c == '*' || c == '?' || c == '[') {
                        features.add(Feature.GLOB);
                    } else if (c == '{' || c == '}') {
                        features.add(Feature.BRACE);
                    } else if (c == '~' && (pos == wordStart || (pos > wordStart
                            && (src.charAt(pos - 1) == '=' || src.charAt(pos - 1) == ':')))) {
                        features.add(Feature.TILDE);
                    } else if (c == '=' && unquotedSoFar && isAssignmentName(value)) {
                        features.add(Feature.ASSIGNMENT);
                    } else if (c == '#') {
                        features.add(Feature.HASH);
                    } else if (c < 0x20 || c == 0x7f) {
                        features.add(Feature.CONTROL);
                    }
                    value.append(c);
                    pos++;
                }
            }
        }
        Word word = new Word(value.toString(), features, substitutions);
        tokens.add(word);
        if (heredocOperatorAwaitingDelimiter != null) {
            pendingHeredocs.add(new PendingHeredoc(word.value(), !word.has(Feature.QUOTED),
                    heredocOperatorAwaitingDelimiter.equals("<<-")));
            heredocOperatorAwaitingDelimiter = null;
        }
    }

    private static boolean isAssignmentName(CharSequence text) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '+') {
            end--;
        }
        if (end == 0 || !isNameStart(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            if (!isNameChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private void lexDoubleQuoted(StringBuilder value, EnumSet<Feature> features, List<String> substitutions)
            throws LexException {
        features.add(Feature.QUOTED);
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw new LexException("unterminated double quote");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    value.append(next);
                    pos += 2;
                } else if (next == '\n') {
                    pos += 2;
                } else {
                    value.append('\\');
                    pos++;
                }
            } else if (c == '$') {
                lexDollar(value, features, substitutions, true);
            } else if (c == '`') {
                int start = pos;
                substitutions.add(readBackticks());
                value.append(src, start, pos);
                features.add(Feature.EXPANSION);
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** At a {@code $}: consumes the expansion it starts and keeps its source text in {@code value}. */
    private void lexDollar(StringBuilder value, EnumSet<Feature> features, List<String> substitutions,
            boolean insideDoubleQuotes) throws LexException {
        int start = pos;
        pos++;
        features.add(Feature.EXPANSION);
        if (pos < src.length()) {
            char next = src.charAt(pos);
            if (next == '(') {
                substitutions.add(readBalanced('(', ')'));
            } else if (next == '{') {
                addIfNested(substitutions, readBalanced('{', '}'));
            } else if (next == '\'' && !insideDoubleQuotes) {
                readAnsiCString();
            } else if (isNameStart(next)) {
                while (pos < src.length() && isNameChar(src.charAt(pos))) {
                    pos++;
                }
            } else if ((next >= '0' && next <= '9') || "@*#?$!-".indexOf(next) >= 0) {
                pos++;
            }
            // `$"…"` (locale translation) and a lone `$`: the quote is lexed by the caller.
        }
        value.append(src, start, pos);
    }

    /** A {@code ${…}} body matters for nested scans only when it runs commands itself. */
    private static void addIfNested(List<String> substitutions, String parameterExpansion) {
        if (parameterExpansion.contains("$(") || parameterExpansion.contains("`")) {
            substitutions.add(parameterExpansion);
        }
    }

    private void readAnsiCString() throws LexException {
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '\'') {
                pos++;
                return;
            } else {
                pos++;
            }
        }
        throw new LexException("unterminated $'…' string");
    }

    /** At {@code open}: returns the text up to the matching {@code close}, honouring quotes and nesting. */
    private String readBalanced(char open, char close) throws LexException {
        int start = pos;
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\'') {
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new LexException("unterminated single quote in substitution");
                }
                pos = end + 1;
                continue;
            }
            if (c == '"') {
                skipDoubleQuotedRaw();
                continue;
            }
            if (c == '`') {
                readBackticks();
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    pos++;
                    return src.substring(start + 1, pos - 1);
                }
            }
            pos++;
        }
        throw new LexException("unbalanced " + open + close);
    }

    private void skipDoubleQuotedRaw() throws LexException {
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '"') {
                pos++;
                return;
            } else if (c == '$' && pos + 1 < src.length() && src.charAt(pos + 1) == '(') {
                pos++;
                readBalanced('(', ')');
            } else {
                pos++;
            }
        }
        throw new LexException("unterminated double quote in substitution");
    }

    /** At a backtick: returns the command text up to the closing backtick (with {@code \`} unescaped). */
    private String readBackticks() throws LexException {
        StringBuilder inner = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                char next = src.charAt(pos + 1);
                if (next == '`' || next == '\\' || next == '$') {
                    inner.append(next);
                } else {
                    inner.append(c).append(next);
                }
                pos += 2;
            } else if (c == '`') {
                pos++;
                return inner.toString();
            } else {
                inner.append(c);
                pos++;
            }
        }
        throw new LexException("unterminated backtick substitution");
    }

    private void readHeredocBodies() throws LexException {
        for (PendingHeredoc heredoc : pendingHeredocs) {
            StringBuilder body = new StringBuilder();
            while (true) {
                if (pos >= src.length()) {
                    throw new LexException("here-document not terminated by " + heredoc.delimiter());
                }
                int eol = src.indexOf('\n', pos);
                String line = eol < 0 ? src.substring(pos) : src.substring(pos, eol);
                pos = eol < 0 ? src.length() : eol + 1;
                String compared = heredoc.stripTabs() ? line.replaceFirst("^\t+", "") : line;
                if (compared.equals(heredoc.delimiter())) {
                    break;
                }
                body.append(line).append('\n');
            }
            String text = body.toString();
            List<String> substitutions = heredoc.expands() ? substitutionsIn(text) : List.of();
            tokens.add(new HeredocBody(text, substitutions, heredoc.expands()));
        }
        pendingHeredocs.clear();
    }

    /** Command substitutions in text that undergoes expansion but not word splitting (heredoc bodies). */
    private static List<String> substitutionsIn(String text) throws LexException {
        ShellLexer scan = new ShellLexer(text);
        List<String> found = new ArrayList<>();
        while (scan.pos < text.length()) {
            char c = text.charAt(scan.pos);
            if (c == '\\') {
                scan.pos += 2;
            } else if (c == '$' && scan.pos + 1 < text.length() && text.charAt(scan.pos + 1) == '(') {
                scan.pos++;
                found.add(scan.readBalanced('(', ')'));
            } else if (c == '$' && scan.pos + 1 < text.length() && text.charAt(scan.pos + 1) == '{') {
                scan.pos++;
                addIfNested(found, scan.readBalanced('{', '}'));
            } else if (c == '`') {
                found.add(scan.readBackticks());
            } else {
                scan.pos++;
            }
        }
        return found;
    }
}
