package dev.jcodex.execpolicy;

import dev.jcodex.execpolicy.RulesEvaluator.ListValue;
import dev.jcodex.execpolicy.RulesEvaluator.NoneValue;
import dev.jcodex.execpolicy.RulesEvaluator.Str;
import dev.jcodex.execpolicy.RulesEvaluator.Value;
import dev.jcodex.execpolicy.RulesLexer.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collects what rules files declare ({@code prefix_rule}, {@code network_rule}, {@code host_executable}),
 * validates each rule's {@code match}/{@code not_match} examples once its file is read, and builds the
 * {@link Policy}.
 */
final class PolicyBuilder implements RulesEvaluator.Builtins {

    private static final List<String> PREFIX_RULE_PARAMS = List.of("pattern", "decision", "match", "not_match", "justification");
    private static final List<String> NETWORK_RULE_PARAMS = List.of("host", "protocol", "decision", "justification");
    private static final List<String> HOST_EXECUTABLE_PARAMS = List.of("name", "paths");

    private record PendingValidation(List<PrefixRule> rules, List<List<String>> matches,
            List<List<String>> notMatches, int line, int column) {}

    private final Map<String, List<PrefixRule>> rulesByProgram = new LinkedHashMap<>();
    private final List<NetworkRule> networkRules = new ArrayList<>();
    private final Map<String, List<String>> hostExecutables = new LinkedHashMap<>();
    private final List<PendingValidation> pending = new ArrayList<>();
    private final String userHome;

    PolicyBuilder(String userHome) {
        this.userHome = userHome;
    }

    /** Evaluates one file's contents and validates the examples it declared. */
    void parse(Path file, String contents) {
        int firstPending = pending.size();
        try {
            RulesEvaluator.evaluate(contents, this);
        } catch (RulesLexer.SyntaxError e) {
            throw new RulesFileException(file, e.line, e.column, e.getMessage());
        }
        for (PendingValidation validation : pending.subList(firstPending, pending.size())) {
            validate(file, validation);
        }
    }

    Policy build() {
        return new Policy(rulesByProgram, networkRules, hostExecutables);
    }

    @Override
    public boolean defines(String name) {
        return name.equals("prefix_rule") || name.equals("network_rule") || name.equals("host_executable");
    }

    @Override
    public Value call(String name, List<Value> positional, Map<String, Value> keywords, Token at) {
        switch (name) {
            case "prefix_rule" -> prefixRule(bind(name, PREFIX_RULE_PARAMS, positional, keywords), at);
            case "network_rule" -> networkRule(bind(name, NETWORK_RULE_PARAMS, positional, keywords));
            case "host_executable" -> hostExecutable(bind(name, HOST_EXECUTABLE_PARAMS, positional, keywords));
            default -> throw new IllegalArgumentException("function '" + name + "' not found");
        }
        return new NoneValue();
    }

    /** Binds arguments to parameter names; {@code None} counts as not given. */
    private static Map<String, Value> bind(String function, List<String> params, List<Value> positional,
            Map<String, Value> keywords) {
        if (positional.size() > params.size()) {
            throw new IllegalArgumentException(function + "() takes at most " + params.size()
                    + " positional arguments but " + positional.size() + " were given");
        }
        Map<String, Value> bound = new HashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            bound.put(params.get(i), positional.get(i));
        }
        for (Map.Entry<String, Value> entry : keywords.entrySet()) {
            if (!params.contains(entry.getKey())) {
                throw new IllegalArgumentException(function + "() got an unexpected keyword argument '"
                        + entry.getKey() + "'");
            }
            if (bound.containsKey(entry.getKey())) {
                throw new IllegalArgumentException(function + "() got multiple values for argument '"
                        + entry.getKey() + "'");
            }
            bound.put(entry.getKey(), entry.getValue());
        }
        bound.values().removeIf(v -> v instanceof NoneValue);
        return bound;
    }

    private static Value required(Map<String, Value> args, String function, String param) {
        Value value = args.get(param);
        if (value == null) {
            throw new IllegalArgumentException(function + "() missing required argument '" + param + "'");
        }
        return value;
    }

    private static Optional<String> optionalString(Map<String, Value> args, String function, String param) {
        Value value = args.get(param);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Str(String text))) {
            throw new IllegalArgumentException(function + "() argument '" + param + "' must be a string (got "
                    + value.typeName() + ")");
        }
        return Optional.of(text);
    }

    private static List<Value> list(Value value, String function, String param) {
        if (!(value instanceof ListValue(List<Value> items))) {
            throw new IllegalArgumentException(function + "() argument '" + param + "' must be a list (got "
                    + value.typeName() + ")");
        }
        return items;
    }

    private static Optional<String> justification(Map<String, Value> args, String function) {
        Optional<String> justification = optionalString(args, function, "justification");
        if (justification.isPresent() && justification.get().isBlank()) {
            throw new IllegalArgumentException("invalid rule: justification cannot be empty");
        }
        return justification;
    }

    private void prefixRule(Map<String, Value> args, Token at) {
        String fn = "prefix_rule";
        List<PatternToken> pattern = pattern(list(required(args, fn, "pattern"), fn, "pattern"));
        Decision decision = optionalString(args, fn, "decision").map(PolicyBuilder::decision).orElse(Decision.ALLOW);
        Optional<String> justification = justification(args, fn);
        List<List<String>> matches = examples(args.get("match"), "match");
        List<List<String>> notMatches = examples(args.get("not_match"), "not_match");
        List<PatternToken> rest = pattern.subList(1, pattern.size());
        List<PrefixRule> rules = pattern.getFirst().alternatives().stream()
                .map(program -> new PrefixRule(program, rest, decision, justification)).toList();
        for (PrefixRule rule : rules) {
            rulesByProgram.computeIfAbsent(rule.program(), p -> new ArrayList<>()).add(rule);
        }
        pending.add(new PendingValidation(rules, matches, notMatches, at.line(), at.column()));
    }

    private static Decision decision(String raw) {
        return Decision.parse(raw);
    }

    private static List<PatternToken> pattern(List<Value> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("invalid pattern element: pattern cannot be empty");
        }
        List<PatternToken> tokens = new ArrayList<>();
        for (Value element : elements) {
            switch (element) {
                case Str(String token) -> tokens.add(new PatternToken.Single(token));
                case ListValue(List<Value> alternatives) -> {
                    List<String> strings = new ArrayList<>();
                    for (Value alternative : alternatives) {
                        if (!(alternative instanceof Str(String text))) {
                            throw new IllegalArgumentException("invalid pattern element: pattern alternative must be "
                                    + "a string (got " + alternative.typeName() + ")");
                        }
                        strings.add(text);
                    }
                    if (strings.isEmpty()) {
                        throw new IllegalArgumentException("invalid pattern element: pattern alternatives cannot be empty");
                    }
                    tokens.add(strings.size() == 1 ? new PatternToken.Single(strings.getFirst())
                            : new PatternToken.Alternatives(strings));
                }
                default -> throw new IllegalArgumentException("invalid pattern element: pattern element must be a "
                        + "string or list of strings (got " + element.typeName() + ")");
            }
        }
        return tokens;
    }

    private static List<List<String>> examples(Value value, String param) {
        if (value == null) {
            return List.of();
        }
        List<List<String>> examples = new ArrayList<>();
        for (Value example : list(value, "prefix_rule", param)) {
            examples.add(switch (example) {
                case Str(String line) -> {
                    List<String> words = ShellQuoting.split(line).orElseThrow(() -> new IllegalArgumentException(
                            "invalid example: example string has invalid shell syntax: " + line));
                    if (words.isEmpty()) {
                        throw new IllegalArgumentException("invalid example: example cannot be an empty string");
                    }
                    yield words;
                }
                case ListValue(List<Value> items) -> {
                    List<String> words = new ArrayList<>();
                    for (Value item : items) {
                        if (!(item instanceof Str(String word))) {
                            throw new IllegalArgumentException("invalid example: example tokens must be strings (got "
                                    + item.typeName() + ")");
                        }
                        words.add(word);
                    }
                    if (words.isEmpty()) {
                        throw new IllegalArgumentException("invalid example: example cannot be an empty list");
                    }
                    yield List.copyOf(words);
                }
                default -> throw new IllegalArgumentException("invalid example: example must be a string or list of "
                        + "strings (got " + example.typeName() + ")");
            });
        }
        return examples;
    }

    private void networkRule(Map<String, Value> args) {
        String fn = "network_rule";
        String host = optionalString(args, fn, "host").orElseThrow(() -> missing(fn, "host"));
        String protocol = optionalString(args, fn, "protocol").orElseThrow(() -> missing(fn, "protocol"));
        String decision = optionalString(args, fn, "decision").orElseThrow(() -> missing(fn, "decision"));
        Optional<String> justification = justification(args, fn);
        try {
            networkRules.add(new NetworkRule(NetworkRule.normalizeHost(host), NetworkRule.Protocol.parse(protocol),
                    decision.equals("deny") ? Decision.FORBIDDEN : Decision.parse(decision), justification));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("invalid decision") ? e.getMessage()
                    : "invalid rule: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException missing(String function, String param) {
        return new IllegalArgumentException(function + "() missing required argument '" + param + "'");
    }

    private void hostExecutable(Map<String, Value> args) {
        String fn = "host_executable";
        String name = optionalString(args, fn, "name").orElseThrow(() -> missing(fn, "name"));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid rule: host_executable name cannot be empty");
        }
        if (name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid rule: host_executable name must be a bare executable name (got "
                    + name + ")");
        }
        List<String> paths = new ArrayList<>();
        for (Value value : list(required(args, fn, "paths"), fn, "paths")) {
            if (!(value instanceof Str(String raw))) {
                throw new IllegalArgumentException("invalid rule: host_executable paths must be strings (got "
                        + value.typeName() + ")");
            }
            String path = raw.startsWith("~/") ? Path.of(userHome, raw.substring(2)).toString() : raw;
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("invalid rule: host_executable paths must be absolute or use "
                        + "`~/...` home-relative syntax (got " + raw + ")");
            }
            String normalized = Path.of(path).normalize().toString();
            if (!CommandNames.lookupKey(normalized).orElse("").equals(name)) {
                throw new IllegalArgumentException("invalid rule: host_executable path `" + raw
                        + "` must have basename `" + name + "`");
            }
            if (!paths.contains(normalized)) {
                paths.add(normalized);
            }
        }
        hostExecutables.put(name, List.copyOf(paths));
    }

    private void validate(Path file, PendingValidation validation) {
        Map<String, List<PrefixRule>> onlyThese = new LinkedHashMap<>();
        for (PrefixRule rule : validation.rules()) {
            onlyThese.computeIfAbsent(rule.program(), p -> new ArrayList<>()).add(rule);
        }
        Policy policy = new Policy(onlyThese, List.of(), hostExecutables);
        for (List<String> example : validation.notMatches()) {
            List<RuleMatch> matched = policy.matches(example, HostExecutableResolution.RESOLVE_BASENAME);
            if (!matched.isEmpty()) {
                throw new RulesFileException(file, validation.line(), validation.column(),
                        "expected example to not match rule `" + renderRules(validation.rules()) + "`: "
                                + renderExample(example));
            }
        }
        List<String> unmatched = validation.matches().stream()
                .filter(example -> policy.matches(example, HostExecutableResolution.RESOLVE_BASENAME).isEmpty())
                .map(PolicyBuilder::renderExample)
                .toList();
        if (!unmatched.isEmpty()) {
            throw new RulesFileException(file, validation.line(), validation.column(),
                    "expected every example to match at least one rule. rules: [" + renderRules(validation.rules())
                            + "]; unmatched examples: " + unmatched.stream().map(RulesSyntax::debugQuote)
                            .collect(Collectors.joining(", ", "[", "]")));
        }
    }

    /** An example as the reference shows it in validation errors ({@code shlex} quoting). */
    private static String renderExample(List<String> example) {
        return ShellQuoting.tryJoin(example).orElse("unable to render example");
    }

    private static String renderRules(List<PrefixRule> rules) {
        return rules.stream().map(PrefixRule::render).collect(Collectors.joining(", "));
    }
}
