package dev.jcodex.execpolicy;

import java.util.List;
import java.util.Set;

/** One lexical unit of a bash script, as far as command classification needs it. */
sealed interface ShellToken {

    /** What made a word more than a plain literal. */
    enum Feature {
        /** Some part was quoted or backslash-escaped (so it is never a reserved word). */
        QUOTED,
        /** Parameter, arithmetic or command expansion ({@code $x}, {@code ${x}}, {@code $(..)}, backticks). */
        EXPANSION,
        /** An unquoted {@code *}, {@code ?} or {@code [} (pathname expansion). */
        GLOB,
        /** An unquoted {@code {} or {@code }} (brace expansion or grouping). */
        BRACE,
        /** An unquoted {@code ~} at the start of the word or after {@code =} / {@code :} (tilde expansion). */
        TILDE,
        /** An unquoted {@code #} inside the word: literal for bash, but grammars disagree, so not plain. */
        HASH,
        /** An unquoted control character other than tab and newline. */
        CONTROL,
        /** The word starts with an unquoted {@code NAME=} (a variable assignment in command position). */
        ASSIGNMENT
    }

    /**
     * A shell word.
     *
     * @param value         the word after quote removal and escape processing (expansions left verbatim)
     * @param features      what the word contains beyond plain literal text
     * @param substitutions source text inside each {@code $(..)} / backtick substitution, for nested scans
     */
    record Word(String value, Set<Feature> features, List<String> substitutions) implements ShellToken {
        public Word {
            features = Set.copyOf(features);
            substitutions = List.copyOf(substitutions);
        }

        /**
         * Whether the word stands for exactly {@link #value()} once bash has expanded it (as an argument: in
         * command position an {@link Feature#ASSIGNMENT} word is an assignment, not a word).
         */
        boolean isLiteral() {
            return features.stream().allMatch(f -> f == Feature.QUOTED || f == Feature.ASSIGNMENT);
        }

        boolean has(Feature feature) {
            return features.contains(feature);
        }
    }

    /** A control operator: {@code && || ; | & |& ;; ;& ;;& ( )} or a newline ({@code "\n"}). */
    record Operator(String text) implements ShellToken {}

    /** A redirection operator such as {@code >}, {@code 2>&1}'s {@code >&}, {@code <<} or {@code <<<}. */
    record Redirection(String text) implements ShellToken {
        boolean isHeredoc() {
            return text.equals("<<") || text.equals("<<-");
        }

        boolean isHereString() {
            return text.equals("<<<");
        }
    }

    /**
     * The body of a here-document.
     *
     * @param text          the body lines
     * @param substitutions command substitutions found in an expanding body
     * @param expands       whether the delimiter was unquoted (so the body undergoes expansion)
     */
    record HeredocBody(String text, List<String> substitutions, boolean expands) implements ShellToken {
        public HeredocBody {
            substitutions = List.copyOf(substitutions);
        }
    }

    /** A {@code #} comment up to (not including) the end of the line. */
    record Comment(String text) implements ShellToken {}
}
