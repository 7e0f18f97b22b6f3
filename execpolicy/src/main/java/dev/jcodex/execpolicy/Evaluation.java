package dev.jcodex.execpolicy;

import java.util.List;
import java.util.Optional;

/**
 * The result of checking one or more commands.
 *
 * @param decision     the strictest decision among {@code matchedRules}; empty when nothing matched
 * @param matchedRules every match, in command order then rule order
 */
public record Evaluation(Optional<Decision> decision, List<RuleMatch> matchedRules) {

    public Evaluation {
        matchedRules = List.copyOf(matchedRules);
    }

    /** An evaluation whose decision is the strictest of {@code matches}. */
    public static Evaluation of(List<RuleMatch> matches) {
        return new Evaluation(matches.stream().map(RuleMatch::decision).reduce(Decision::strictest), matches);
    }

    /** Whether at least one {@code prefix_rule} (not the heuristics) matched. */
    public boolean hasPolicyMatch() {
        return matchedRules.stream().anyMatch(m -> m instanceof RuleMatch.PrefixRuleMatch);
    }
}
