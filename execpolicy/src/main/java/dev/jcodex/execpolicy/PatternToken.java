package dev.jcodex.execpolicy;

import java.util.List;

/** One position of a {@code prefix_rule} pattern: a fixed token or a set of alternatives. */
public sealed interface PatternToken {

    /** Whether {@code token} is accepted at this position. */
    boolean matches(String token);

    /** The accepted tokens. */
    List<String> alternatives();

    /** Exactly this token. */
    record Single(String token) implements PatternToken {
        @Override
        public boolean matches(String candidate) {
            return token.equals(candidate);
        }

        @Override
        public List<String> alternatives() {
            return List.of(token);
        }
    }

    /** Any of these tokens (at least two). */
    record Alternatives(List<String> tokens) implements PatternToken {
        public Alternatives {
            tokens = List.copyOf(tokens);
            if (tokens.size() < 2) {
                throw new IllegalArgumentException("alternatives need at least two tokens");
            }
        }

        @Override
        public boolean matches(String candidate) {
            return tokens.contains(candidate);
        }

        @Override
        public List<String> alternatives() {
            return tokens;
        }
    }
}
