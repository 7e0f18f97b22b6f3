package dev.jcodex.execpolicy;

import java.util.List;
import java.util.Optional;

/** Why a command got a decision: a rule that matched it, or the heuristics when no rule did. */
public sealed interface RuleMatch {

    /** The decision this match contributes. */
    Decision decision();

    /**
     * A {@code prefix_rule} matched.
     *
     * @param matchedPrefix   the argv prefix the rule matched (with the basename when resolved via a path)
     * @param decision        the rule's decision
     * @param resolvedProgram the absolute program path when the match came from basename fallback
     * @param justification   the rule's justification
     */
    record PrefixRuleMatch(List<String> matchedPrefix, Decision decision, Optional<String> resolvedProgram,
            Optional<String> justification) implements RuleMatch {
        public PrefixRuleMatch {
            matchedPrefix = List.copyOf(matchedPrefix);
        }
    }

    /**
     * No rule matched; the heuristics (known-safe list, dangerous commands, approval policy) decided.
     *
     * @param command  the command that was judged
     * @param decision the heuristic decision
     */
    record HeuristicsRuleMatch(List<String> command, Decision decision) implements RuleMatch {
        public HeuristicsRuleMatch {
            command = List.copyOf(command);
        }
    }
}
