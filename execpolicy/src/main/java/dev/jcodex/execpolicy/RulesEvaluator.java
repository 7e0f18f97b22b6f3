package dev.jcodex.execpolicy;

import dev.jcodex.execpolicy.RulesLexer.Kind;
import dev.jcodex.execpolicy.RulesLexer.SyntaxError;
import dev.jcodex.execpolicy.RulesLexer.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and evaluates the Starlark subset rules files use: top-level calls and {@code name = expr}
 * assignments, with string / int / list / tuple literals, {@code True False None}, variables, {@code +}
 * (string and list concatenation) and calls. Anything else (def, if, for, load, …) is rejected with its
 * position rather than silently ignored.
 */
final class RulesEvaluator {

    /** A Starlark value. */
    sealed interface Value {
        String typeName();
    }

    record Str(String value) implements Value {
        @Override
        public String typeName() {
            return "string";
        }
    }

    record ListValue(List<Value> items) implements Value {
        @Override
        public String typeName() {
            return "list";
        }
    }

    record TupleValue(List<Value> items) implements Value {
        @Override
        public String typeName() {
            return "tuple";
        }
    }

    record IntValue(String text) implements Value {
        @Override
        public String typeName() {
            return "int";
        }
    }

    record BoolValue(boolean value) implements Value {
        @Override
        public String typeName() {
            return "bool";
        }
    }

    record NoneValue() implements Value {
        @Override
        public String typeName() {
            return "NoneType";
        }
    }

    /** The functions a rules file may call. */
    interface Builtins {
        boolean defines(String name);

        /** Runs builtin {@code name}; problems are reported as {@link IllegalArgumentException}s. */
        Value call(String name, List<Value> positional, Map<String, Value> keywords, Token at);
    }

    private static final Set<String> UNSUPPORTED_KEYWORDS = Set.of(
            "def", "if", "elif", "else", "for", "while", "load", "return", "lambda", "pass", "break", "continue",
            "and", "or", "not", "in", "is");

    private final List<Token> tokens;
    private final Builtins builtins;
    private final Map<String, Value> globals = new HashMap<>();
    private int index;

    private RulesEvaluator(List<Token> tokens, Builtins builtins) {
        this.tokens = tokens;
        this.builtins = builtins;
    }

    /** Evaluates a whole file. */
    static void evaluate(String source, Builtins builtins) throws SyntaxError {
        new RulesEvaluator(RulesLexer.tokenize(source), builtins).file();
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        return tokens.get(index++);
    }

    private Token expect(Kind kind, String what) throws SyntaxError {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token, "expected " + what + ", found " + describe(token));
        }
        return next();
    }

    private static SyntaxError error(Token at, String message) {
        return new SyntaxError(at.line(), at.column(), message);
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "end of line";
            case STRING -> "string literal";
            case OTHER -> "unexpected character '" + token.text() + "'";
            default -> "'" + token.text() + "'";
        };
    }

    private void file() throws SyntaxError {
        while (peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.SEMICOLON) {
                next();
                continue;
            }
            statement();
            Kind after = peek().kind();
            if (after != Kind.NEWLINE && after != Kind.SEMICOLON && after != Kind.EOF) {
                throw error(peek(), "expected end of statement, found " + describe(peek()));
            }
        }
    }

    private void statement() throws SyntaxError {
        Token first = peek();
        if (first.kind() == Kind.NAME && UNSUPPORTED_KEYWORDS.contains(first.text())) {
            throw error(first, "unsupported Starlark statement '" + first.text()
                    + "': rules files may only call prefix_rule, network_rule and host_executable and assign variables");
        }
        if (first.kind() == Kind.NAME && tokens.get(index + 1).kind() == Kind.EQUALS) {
            next();
            next();
            if (builtins.defines(first.text())) {
                throw error(first, "cannot assign to builtin '" + first.text() + "'");
            }
            globals.put(first.text(), expression());
            return;
        }
        expression();
    }

    private Value expression() throws SyntaxError {
        Value left = primary();
        while (peek().kind() == Kind.PLUS) {
            Token plus = next();
            Value right = primary();
            left = concat(left, right, plus);
        }
        return left;
    }

    private static Value concat(Value left, Value right, Token at) throws SyntaxError {
        if (left instanceof Str(String a) && right instanceof Str(String b)) {
            return new Str(a + b);
        }
        if (left instanceof ListValue(List<Value> a) && right instanceof ListValue(List<Value> b)) {
            List<Value> joined = new ArrayList<>(a);
            joined.addAll(b);
            return new ListValue(List.copyOf(joined));
        }
        throw error(at, "unsupported operand types for +: " + left.typeName() + " and " + right.typeName());
    }

    private Value primary() throws SyntaxError {
        Token token = next();
        return switch (token.kind()) {
            case STRING -> new Str(token.text());
            case INT -> new IntValue(token.text());
            case LBRACKET -> new ListValue(sequence(Kind.RBRACKET, "']'"));
            case LPAREN -> parenthesized();
            case NAME -> peek().kind() == Kind.LPAREN ? call(token) : variable(token);
            case OTHER -> throw error(token, describe(token));
            default -> throw error(token, "expected an expression, found " + describe(token));
        };
    }

    private Value parenthesized() throws SyntaxError {
        if (peek().kind() == Kind.RPAREN) {
            next();
            return new TupleValue(List.of());
        }
        Value first = expression();
        if (peek().kind() == Kind.RPAREN) {
            next();
            return first;
        }
        expect(Kind.COMMA, "',' or ')'");
        List<Value> items = new ArrayList<>();
        items.add(first);
        items.addAll(sequence(Kind.RPAREN, "')'"));
        return new TupleValue(List.copyOf(items));
    }

    /** Comma-separated expressions up to {@code close}, trailing comma allowed; consumes {@code close}. */
    private List<Value> sequence(Kind close, String closeText) throws SyntaxError {
        List<Value> items = new ArrayList<>();
        while (peek().kind() != close) {
            items.add(expression());
            if (peek().kind() == Kind.COMMA) {
                next();
            } else if (peek().kind() != close) {
                throw error(peek(), "expected ',' or " + closeText + ", found " + describe(peek()));
            }
        }
        next();
        return List.copyOf(items);
    }

    private Value variable(Token name) throws SyntaxError {
        return switch (name.text()) {
            case "True" -> new BoolValue(true);
            case "False" -> new BoolValue(false);
            case "None" -> new NoneValue();
            default -> {
                if (UNSUPPORTED_KEYWORDS.contains(name.text())) {
                    throw error(name, "unsupported Starlark keyword '" + name.text() + "'");
                }
                Value value = globals.get(name.text());
                if (value == null) {
                    throw error(name, "variable '" + name.text() + "' not found");
                }
                yield value;
            }
        };
    }

    private Value call(Token name) throws SyntaxError {
        if (!builtins.defines(name.text())) {
            throw error(name, "function '" + name.text() + "' not found; rules files may call prefix_rule, "
                    + "network_rule and host_executable");
        }
        expect(Kind.LPAREN, "'('");
        List<Value> positional = new ArrayList<>();
        Map<String, Value> keywords = new LinkedHashMap<>();
        while (peek().kind() != Kind.RPAREN) {
            if (peek().kind() == Kind.NAME && tokens.get(index + 1).kind() == Kind.EQUALS) {
                Token keyword = next();
                next();
                if (keywords.containsKey(keyword.text())) {
                    throw error(keyword, name.text() + "() got multiple values for argument '" + keyword.text() + "'");
                }
                keywords.put(keyword.text(), expression());
            } else {
                Token at = peek();
                Value value = expression();
                if (!keywords.isEmpty()) {
                    throw error(at, "positional argument follows keyword argument");
                }
                positional.add(value);
            }
            if (peek().kind() == Kind.COMMA) {
                next();
            } else if (peek().kind() != Kind.RPAREN) {
                throw error(peek(), "expected ',' or ')', found " + describe(peek()));
            }
        }
        next();
        try {
            return builtins.call(name.text(), List.copyOf(positional), keywords, name);
        } catch (IllegalArgumentException e) {
            throw error(name, e.getMessage());
        }
    }
}
