package dev.jcodex.execpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable set of exec-policy rules: prefix rules keyed by program, network rules and host-executable
 * path lists. Build one with {@link PolicyLoader}; derive updated copies with {@link #withPrefixRule} and
 * {@link #overlay}.
 */
public final class Policy {

    private static final Policy EMPTY = new Policy(Map.of(), List.of(), Map.of());

    private final Map<String, List<PrefixRule>> rulesByProgram;
    private final List<NetworkRule> networkRules;
    private final Map<String, List<String>> hostExecutables;

    Policy(Map<String, List<PrefixRule>> rulesByProgram, List<NetworkRule> networkRules,
            Map<String, List<String>> hostExecutables) {
        Map<String, List<PrefixRule>> rules = new LinkedHashMap<>();
        rulesByProgram.forEach((program, list) -> rules.put(program, List.copyOf(list)));
        this.rulesByProgram = java.util.Collections.unmodifiableMap(rules);
        this.networkRules = List.copyOf(networkRules);
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        hostExecutables.forEach((name, paths) -> hosts.put(name, List.copyOf(paths)));
        this.hostExecutables = java.util.Collections.unmodifiableMap(hosts);
    }

    /** A policy without rules. */
    public static Policy empty() {
        return EMPTY;
    }

    /** Every prefix rule, grouped by program in first-seen order. */
    public List<PrefixRule> prefixRules() {
        return rulesByProgram.values().stream().flatMap(List::stream).toList();
    }

    /** Every network rule in file order. */
    public List<NetworkRule> networkRules() {
        return networkRules;
    }

    /** {@code host_executable} entries: basename → allowed absolute paths. */
    public Map<String, List<String>> hostExecutables() {
        return hostExecutables;
    }

    /** A copy with one more rule matching exactly {@code prefix}. */
    public Policy withPrefixRule(List<String> prefix, Decision decision) {
        PrefixRule rule = PrefixRule.ofPrefix(prefix, decision);
        Map<String, List<PrefixRule>> rules = new LinkedHashMap<>(rulesByProgram);
        List<PrefixRule> forProgram = new ArrayList<>(rules.getOrDefault(rule.program(), List.of()));
        forProgram.add(rule);
        rules.put(rule.program(), forProgram);
        return new Policy(rules, networkRules, hostExecutables);
    }

    /**
     * This policy with {@code overlay}'s rules added after its own (e.g. requirement-layer policies laid
     * over the user's). Host-executable entries of the overlay replace same-named ones.
     */
    public Policy overlay(Policy overlay) {
        Map<String, List<PrefixRule>> rules = new LinkedHashMap<>(rulesByProgram);
        overlay.rulesByProgram.forEach((program, list) -> {
            List<PrefixRule> merged = new ArrayList<>(rules.getOrDefault(program, List.of()));
            merged.addAll(list);
            rules.put(program, merged);
        });
        List<NetworkRule> network = new ArrayList<>(networkRules);
        network.addAll(overlay.networkRules);
        Map<String, List<String>> hosts = new LinkedHashMap<>(hostExecutables);
        hosts.putAll(overlay.hostExecutables);
        return new Policy(rules, network, hosts);
    }

    /** Rules matching {@code argv} exactly by program name (what {@code codex execpolicy check} reports). */
    public Evaluation check(List<String> argv) {
        return check(argv, HostExecutableResolution.EXACT_ONLY);
    }

    /** Rules matching {@code argv}; the decision is empty when no rule matches. */
    public Evaluation check(List<String> argv, HostExecutableResolution resolution) {
        return Evaluation.of(matches(argv, resolution));
    }

    /**
     * Judges a command the way the agent runs it: a {@code bash|zsh|sh -c|-lc} plain command sequence is
     * judged command by command, anything else as the argv it is. Only rules count; the decision is the
     * strictest over all commands and empty when no rule matched any of them.
     */
    public Evaluation checkScript(List<String> argv, HostExecutableResolution resolution) {
        List<List<String>> commands = ShellInvocation.unwrap(argv).flatMap(ShellInvocation::plainCommands)
                .orElse(List.of(argv));
        List<RuleMatch> all = new ArrayList<>();
        for (List<String> command : commands) {
            all.addAll(matches(command, resolution));
        }
        return Evaluation.of(all);
    }

    /**
     * Judges each command by its rules, or by {@code heuristics} when no rule matches it; the decision is the
     * strictest over all commands and always present for a non-empty {@code commands}.
     */
    public Evaluation checkEach(List<List<String>> commands, HostExecutableResolution resolution,
            Function<List<String>, Decision> heuristics) {
        List<RuleMatch> all = new ArrayList<>();
        for (List<String> command : commands) {
            List<RuleMatch> matched = matches(command, resolution);
            if (matched.isEmpty()) {
                all.add(new RuleMatch.HeuristicsRuleMatch(command, heuristics.apply(command)));
            } else {
                all.addAll(matched);
            }
        }
        return Evaluation.of(all);
    }

    /** Every prefix rule matching {@code argv}: exact program matches first, else basename fallback. */
    public List<RuleMatch> matches(List<String> argv, HostExecutableResolution resolution) {
        if (argv.isEmpty()) {
            return List.of();
        }
        List<RuleMatch> exact = matchRules(rulesByProgram.getOrDefault(argv.getFirst(), List.of()), argv,
                Optional.empty());
        if (!exact.isEmpty() || resolution == HostExecutableResolution.EXACT_ONLY) {
            return exact;
        }
        return matchByBasename(argv);
    }

    private List<RuleMatch> matchByBasename(List<String> argv) {
        String program = argv.getFirst();
        if (!program.startsWith("/")) {
            return List.of();
        }
        Optional<String> basename = CommandNames.lookupKey(program);
        if (basename.isEmpty() || basename.get().equals(program)) {
            return List.of();
        }
        List<String> allowedPaths = hostExecutables.get(basename.get());
        if (allowedPaths != null && !allowedPaths.contains(program)) {
            return List.of();
        }
        List<String> renamed = new ArrayList<>(argv);
        renamed.set(0, basename.get());
        return matchRules(rulesByProgram.getOrDefault(basename.get(), List.of()), renamed, Optional.of(program));
    }

    private static List<RuleMatch> matchRules(List<PrefixRule> rules, List<String> argv, Optional<String> resolved) {
        List<RuleMatch> out = new ArrayList<>();
        for (PrefixRule rule : rules) {
            rule.matchedPrefix(argv).ifPresent(prefix ->
                    out.add(new RuleMatch.PrefixRuleMatch(prefix, rule.decision(), resolved, rule.justification())));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Policy[" + prefixRules().size() + " prefix rules, " + networkRules.size() + " network rules, "
                + hostExecutables.size() + " host executables]";
    }
}
