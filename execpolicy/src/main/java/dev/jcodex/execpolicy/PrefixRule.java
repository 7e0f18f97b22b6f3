package dev.jcodex.execpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@code prefix_rule}: matches every argv that starts with {@code program} followed by tokens accepted by
 * {@code rest}, position by position. A rules-file pattern whose first element lists alternatives becomes one
 * rule per alternative.
 *
 * @param program       the exact first token
 * @param rest          the following pattern positions
 * @param decision      what a match means
 * @param justification why the rule exists, shown in prompts and rejections
 */
public record PrefixRule(String program, List<PatternToken> rest, Decision decision, Optional<String> justification) {

    public PrefixRule {
        rest = List.copyOf(rest);
    }

    /** A rule matching exactly {@code prefix} (as appended by approved amendments). */
    public static PrefixRule ofPrefix(List<String> prefix, Decision decision) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("prefix cannot be empty");
        }
        List<PatternToken> rest = prefix.subList(1, prefix.size()).stream()
                .<PatternToken>map(PatternToken.Single::new).toList();
        return new PrefixRule(prefix.getFirst(), rest, decision, Optional.empty());
    }

    /** The matched prefix of {@code argv}, if the rule matches it. */
    public Optional<List<String>> matchedPrefix(List<String> argv) {
        int length = rest.size() + 1;
        if (argv.size() < length || !argv.getFirst().equals(program)) {
            return Optional.empty();
        }
        for (int i = 0; i < rest.size(); i++) {
            if (!rest.get(i).matches(argv.get(i + 1))) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(argv.subList(0, length)));
    }

    /** The rule in rules-file syntax, e.g. {@code prefix_rule(pattern=["git", ["push", "fetch"]], decision="prompt")}. */
    public String render() {
        List<String> elements = new ArrayList<>();
        elements.add(RulesSyntax.quote(program));
        for (PatternToken token : rest) {
            elements.add(switch (token) {
                case PatternToken.Single single -> RulesSyntax.quote(single.token());
                case PatternToken.Alternatives alts -> alts.tokens().stream().map(RulesSyntax::quote)
                        .collect(Collectors.joining(", ", "[", "]"));
            });
        }
        StringBuilder out = new StringBuilder("prefix_rule(pattern=[").append(String.join(", ", elements))
                .append("], decision=").append(RulesSyntax.quote(decision.wire()));
        justification.ifPresent(j -> out.append(", justification=").append(RulesSyntax.quote(j)));
        return out.append(')').toString();
    }
}
