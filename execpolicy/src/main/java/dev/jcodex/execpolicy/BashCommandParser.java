package dev.jcodex.execpolicy;

import dev.jcodex.execpolicy.ShellToken.Comment;
import dev.jcodex.execpolicy.ShellToken.Feature;
import dev.jcodex.execpolicy.ShellToken.HeredocBody;
import dev.jcodex.execpolicy.ShellToken.Operator;
import dev.jcodex.execpolicy.ShellToken.Redirection;
import dev.jcodex.execpolicy.ShellToken.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads bash scripts the way the approval logic needs them.
 *
 * <p>The central notion is the <em>plain command sequence</em>: simple commands whose name is a bare word and
 * whose arguments are literal words (unquoted, single-quoted, double-quoted without expansions,
 * backslash-escaped), joined by {@code &&},
 * {@code ||}, {@code ;}, {@code |} or newlines. Anything else — subshells, groups, control flow, expansions of
 * any kind ({@code $x}, {@code $(..)}, backticks, globs, braces, a leading {@code ~}), redirections,
 * here-documents, comments, background jobs, variable assignments — makes the script "not plain" and the
 * caller must treat it conservatively as one opaque command.
 */
public final class BashCommandParser {

    /** Words that bash treats as reserved in command position; such scripts are control flow, never plain. */
    private static final Set<String> RESERVED_WORDS = Set.of(
            "!", "case", "coproc", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in",
            "select", "then", "time", "until", "while", "{", "}", "[[", "]]");

    /** Reserved words after which a literal scan still expects a command name. */
    private static final Set<String> COMMAND_PREFIX_KEYWORDS = Set.of(
            "!", "do", "elif", "else", "if", "then", "time", "until", "while", "{", "coproc");

    private static final Set<String> CLOSING_KEYWORDS = Set.of("done", "esac", "fi", "}", "]]");

    private static final int MAX_SUBSTITUTION_DEPTH = 16;

    /** Characters a plain command name may consist of. */
    private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./+@%:,~^-]*");

    /** What bash grammars lex as a number rather than a word. */
    private static final Pattern NUMBER = Pattern.compile("-?(0x)?[0-9]+(#[0-9A-Za-z@_]+)?");

    private BashCommandParser() {}

    /**
     * Parses a plain command sequence.
     *
     * @param script bash source, e.g. the argument of {@code bash -lc}
     * @return the argv of every simple command in source order, or empty when the script is not a plain
     *     command sequence (including when it contains no command at all)
     */
    public static Optional<List<List<String>>> parsePlainCommands(String script) {
        return parsePlainScript(script).map(PlainScript::commands);
    }

    /** Like {@link #parsePlainCommands} but keeps the operators between the commands. */
    static Optional<PlainScript> parsePlainScript(String script) {
        List<ShellToken> tokens;
        try {
            tokens = ShellLexer.tokenize(script);
        } catch (ShellLexer.LexException e) {
            return Optional.empty();
        }
        List<List<String>> commands = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean commandRequired = false;
        for (ShellToken token : tokens) {
            switch (token) {
                case Word word -> {
                    if (!word.isLiteral()) {
                        return Optional.empty();
                    }
                    // A command name must be a bare word of ordinary characters: quoting it ('if', "ls") changes
                    // what bash looks up, `NAME=value` is an assignment, and numbers, leading dashes or other
                    // punctuation are names the reference grammar does not accept as plain commands.
                    if (current.isEmpty() && (word.has(Feature.QUOTED) || RESERVED_WORDS.contains(word.value())
                            || NUMBER.matcher(word.value()).matches() || !COMMAND_NAME.matcher(word.value()).matches())) {
                        return Optional.empty();
                    }
                    current.add(word.value());
                    commandRequired = false;
                }
                case Operator(String op) when op.equals("&&") || op.equals("||") || op.equals("|") -> {
                    if (current.isEmpty()) {
                        return Optional.empty();
                    }
                    commands.add(List.copyOf(current));
                    operators.add(op);
                    current.clear();
                    commandRequired = true;
                }
                case Operator(String op) when op.equals(";") -> {
                    if (current.isEmpty()) {
                        return Optional.empty();
                    }
                    commands.add(List.copyOf(current));
                    operators.add(";");
                    current.clear();
                }
                case Operator(String op) when op.equals("\n") -> {
                    if (!current.isEmpty()) {
                        commands.add(List.copyOf(current));
                        operators.add(";");
                        current.clear();
                    }
                }
                case Operator ignored -> {
                    return Optional.empty();
                }
                case Redirection ignored -> {
                    return Optional.empty();
                }
                case HeredocBody ignored -> {
                    return Optional.empty();
                }
                case Comment ignored -> {
                    return Optional.empty();
                }
            }
        }
        if (commandRequired) {
            return Optional.empty();
        }
        if (!current.isEmpty()) {
            commands.add(List.copyOf(current));
        } else if (!operators.isEmpty()) {
            operators.removeLast(); // a trailing `;` or newline separates nothing
        }
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlainScript(commands, operators));
    }

    /**
     * Recognises a single command whose standard input is a here-document or here-string, e.g.
     * {@code python3 - <<'EOF' … EOF}, and returns its words. Used only to match exec-policy rules
     * ("complex" parsing): the result is never treated as known-safe and never proposed as an amendment.
     *
     * @return the command words when the script is exactly one command of unquoted literal words with one
     *     here-document/here-string attached, no other redirections and no nested commands; else empty
     */
    public static Optional<List<String>> parseHeredocCommandPrefix(String script) {
        List<ShellToken> tokens;
        try {
            tokens = ShellLexer.tokenize(script);
        } catch (ShellLexer.LexException e) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.size() && tokens.get(i) instanceof Word w && w.features().isEmpty()) {
            words.add(w.value());
            i++;
        }
        if (words.isEmpty() || RESERVED_WORDS.contains(words.getFirst()) || i >= tokens.size()
                || !(tokens.get(i) instanceof Redirection redirection)) {
            return Optional.empty();
        }
        i++;
        if (redirection.isHeredoc()) {
            // delimiter word, newline, body
            if (i + 2 >= tokens.size() || !(tokens.get(i) instanceof Word)
                    || !(tokens.get(i + 1) instanceof Operator(String nl) && nl.equals("\n"))
                    || !(tokens.get(i + 2) instanceof HeredocBody body) || !body.substitutions().isEmpty()) {
                return Optional.empty();
            }
            i += 3;
        } else if (redirection.isHereString()) {
            if (i >= tokens.size() || !(tokens.get(i) instanceof Word text) || !text.isLiteral()) {
                return Optional.empty();
            }
            i++;
        } else {
            return Optional.empty();
        }
        for (; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Operator(String op) && (op.equals("\n") || op.equals(";")))) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(words));
    }

    /**
     * Best-effort list of every command whose name is a literal word anywhere in the script, including inside
     * control flow, pipelines, groups and command substitutions. Used to spot dangerous commands in scripts
     * that are not plain; arguments keep their source text when they contain expansions.
     *
     * @return the commands found, or empty when the script cannot even be tokenised
     */
    static Optional<List<List<String>>> literalCommands(String script) {
        List<List<String>> found = new ArrayList<>();
        return scanLiteralCommands(script, found, 0) ? Optional.of(found) : Optional.empty();
    }

    private static boolean scanLiteralCommands(String script, List<List<String>> found, int depth) {
        if (depth > MAX_SUBSTITUTION_DEPTH) {
            return false;
        }
        List<ShellToken> tokens;
        try {
            tokens = ShellLexer.tokenize(script);
        } catch (ShellLexer.LexException e) {
            return false;
        }
        LiteralScan scan = new LiteralScan(found);
        for (ShellToken token : tokens) {
            switch (token) {
                case Word word -> {
                    for (String substitution : word.substitutions()) {
                        scanLiteralCommands(substitution, found, depth + 1);
                    }
                    scan.word(word);
                }
                case HeredocBody body -> body.substitutions().forEach(s -> scanLiteralCommands(s, found, depth + 1));
                case Redirection ignored -> scan.redirection();
                case Operator ignored -> scan.boundary();
                case Comment ignored -> { }
            }
        }
        scan.boundary();
        return true;
    }

    /** State machine collecting literal commands from a token stream. */
    private static final class LiteralScan {
        private enum Mode { COMMAND_START, IN_COMMAND, SKIP_TO_SEPARATOR, SKIP_TO_IN, OPAQUE_COMMAND }

        private final List<List<String>> found;
        private final List<String> current = new ArrayList<>();
        private Mode mode = Mode.COMMAND_START;
        private boolean skipNextWord;

        LiteralScan(List<List<String>> found) {
            this.found = found;
        }

        void word(Word word) {
            if (skipNextWord) {
                skipNextWord = false;
                return;
            }
            String value = word.value();
            boolean keyword = !word.has(Feature.QUOTED) && !word.has(Feature.EXPANSION);
            switch (mode) {
                case SKIP_TO_SEPARATOR, OPAQUE_COMMAND -> { }
                case SKIP_TO_IN -> {
                    if (keyword && value.equals("in")) {
                        mode = Mode.COMMAND_START;
                    }
                }
                case IN_COMMAND -> current.add(value);
                case COMMAND_START -> {
                    if (keyword && (COMMAND_PREFIX_KEYWORDS.contains(value) || CLOSING_KEYWORDS.contains(value))) {
                        return;
                    }
                    if (keyword && value.equals("function")) {
                        skipNextWord = true;
                    } else if (keyword && (value.equals("for") || value.equals("select"))) {
                        mode = Mode.SKIP_TO_SEPARATOR;
                    } else if (keyword && value.equals("case")) {
                        mode = Mode.SKIP_TO_IN;
                    } else if (word.has(Feature.ASSIGNMENT)) {
                        return;
                    } else if (word.isLiteral()) {
                        current.add(value);
                        mode = Mode.IN_COMMAND;
                    } else {
                        mode = Mode.OPAQUE_COMMAND;
                    }
                }
            }
        }

        void redirection() {
            skipNextWord = true;
        }

        void boundary() {
            skipNextWord = false;
            if (!current.isEmpty()) {
                found.add(List.copyOf(current));
                current.clear();
            }
            mode = mode == Mode.SKIP_TO_IN ? Mode.SKIP_TO_IN : Mode.COMMAND_START;
        }
    }
}
