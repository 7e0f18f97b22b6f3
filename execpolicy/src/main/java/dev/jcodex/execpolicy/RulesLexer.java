package dev.jcodex.execpolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenises the Starlark subset of rules files: names, string literals (single, double and triple quoted,
 * raw {@code r"…"}), integers, {@code ( ) [ ] , = + ;}, comments and newlines. Newlines inside brackets are
 * insignificant, as in Starlark.
 */
final class RulesLexer {

    enum Kind { NAME, STRING, INT, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, EQUALS, PLUS, SEMICOLON, NEWLINE, OTHER, EOF }

    record Token(Kind kind, String text, int line, int column) {}

    /** A syntax error at a 1-based position. */
    static final class SyntaxError extends Exception {
        final int line;
        final int column;

        SyntaxError(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;
    private final List<Token> tokens = new ArrayList<>();

    private RulesLexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String source) throws SyntaxError {
        RulesLexer lexer = new RulesLexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private void run() throws SyntaxError {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int col = column();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                newLine();
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\n') {
                if (depth == 0 && !tokens.isEmpty() && tokens.getLast().kind() != Kind.NEWLINE) {
                    tokens.add(new Token(Kind.NEWLINE, "\n", line, col));
                }
                pos++;
                newLine();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                String name = src.substring(start, pos);
                if ((name.equals("r") || name.equals("R")) && pos < src.length()
                        && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
                    tokens.add(new Token(Kind.STRING, readString(true), line, col));
                } else if ((name.equals("b") || name.equals("B")) && pos < src.length()
                        && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')) {
                    throw new SyntaxError(line, col, "bytes literals are not supported in rules files");
                } else {
                    tokens.add(new Token(Kind.NAME, name, line, col));
                }
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
                    pos++;
                }
                tokens.add(new Token(Kind.INT, src.substring(start, pos), line, col));
            } else if (c == '"' || c == '\'') {
                int startLine = line;
                tokens.add(new Token(Kind.STRING, readString(false), startLine, col));
            } else {
                tokens.add(new Token(punctuation(c, col), String.valueOf(c), line, col));
                pos++;
            }
        }
        if (depth > 0) {
            throw new SyntaxError(line, column(), "unexpected end of file: unclosed bracket");
        }
        tokens.add(new Token(Kind.EOF, "", line, column()));
    }

    /** Punctuation outside the subset becomes {@link Kind#OTHER}, reported by the parser where it stands. */
    private Kind punctuation(char c, int col) throws SyntaxError {
        return switch (c) {
            case '(' -> open(Kind.LPAREN);
            case '[' -> open(Kind.LBRACKET);
            case ')' -> close(Kind.RPAREN, col);
            case ']' -> close(Kind.RBRACKET, col);
            case ',' -> Kind.COMMA;
            case '=' -> Kind.EQUALS;
            case '+' -> Kind.PLUS;
            case ';' -> Kind.SEMICOLON;
            default -> Kind.OTHER;
        };
    }

    private Kind open(Kind kind) {
        depth++;
        return kind;
    }

    private Kind close(Kind kind, int col) throws SyntaxError {
        if (depth == 0) {
            throw new SyntaxError(line, col, "unexpected '" + (kind == Kind.RPAREN ? ')' : ']') + "'");
        }
        depth--;
        return kind;
    }

    private void newLine() {
        line++;
        lineStart = pos;
    }

    private String readString(boolean raw) throws SyntaxError {
        int startLine = line;
        int startCol = column();
        char quote = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxError(startLine, startCol, "unterminated string literal");
            }
            char c = src.charAt(pos);
            if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return out.toString();
            }
            if (c == '\n') {
                if (!triple) {
                    throw new SyntaxError(startLine, startCol, "unterminated string literal");
                }
                out.append('\n');
                pos++;
                newLine();
            } else if (c == '\\') {
                if (raw) {
                    out.append(c);
                    if (pos + 1 < src.length()) {
                        out.append(src.charAt(pos + 1));
                    }
                    pos += 2;
                } else {
                    readEscape(out);
                }
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder out) throws SyntaxError {
        int col = column();
        if (pos + 1 >= src.length()) {
            throw new SyntaxError(line, col, "unterminated string literal");
        }
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case '\\', '\'', '"' -> out.append(e);
            case '\n' -> newLine();
            case 'x' -> out.append((char) hex(2, col));
            case 'u' -> out.append((char) hex(4, col));
            case 'U' -> out.appendCodePoint(hex(8, col));
            default -> {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; i++) {
                        value = value * 8 + (src.charAt(pos++) - '0');
                    }
                    out.append((char) value);
                } else {
                    throw new SyntaxError(line, col, "invalid escape sequence \\" + e);
                }
            }
        }
    }

    private int hex(int digits, int col) throws SyntaxError {
        if (pos + digits > src.length()) {
            throw new SyntaxError(line, col, "truncated escape sequence");
        }
        try {
            int value = Integer.parseInt(src.substring(pos, pos + digits), 16);
            if (!Character.isValidCodePoint(value)) {
                throw new SyntaxError(line, col, "invalid code point in escape sequence");
            }
            pos += digits;
            return value;
        } catch (NumberFormatException ex) {
            throw new SyntaxError(line, col, "invalid hex escape sequence");
        }
    }
}
