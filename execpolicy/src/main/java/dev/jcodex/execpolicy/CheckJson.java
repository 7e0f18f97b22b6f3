package dev.jcodex.execpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code codex execpolicy check} output byte-for-byte like the reference: compact
 * ({@code {"matchedRules":[…],"decision":"allow"}}) or pretty (two-space indent, {@code "key": value}, one
 * array element per line, {@code []} for empty arrays).
 */
final class CheckJson {

    private CheckJson() {}

    static String render(List<RuleMatch> matches, boolean pretty) {
        List<Map.Entry<String, Object>> root = new ArrayList<>();
        List<Object> rules = new ArrayList<>();
        for (RuleMatch match : matches) {
            rules.add(List.of(Map.entry(key(match), body(match))));
        }
        root.add(Map.entry("matchedRules", rules));
        Evaluation.of(matches).decision().ifPresent(d -> root.add(Map.entry("decision", d.wire())));
        StringBuilder out = new StringBuilder();
        write(out, root, pretty, 0);
        return out.toString();
    }

    private static String key(RuleMatch match) {
        return switch (match) {
            case RuleMatch.PrefixRuleMatch p -> "prefixRuleMatch";
            case RuleMatch.HeuristicsRuleMatch h -> "heuristicsRuleMatch";
        };
    }

    private static List<Map.Entry<String, Object>> body(RuleMatch match) {
        List<Map.Entry<String, Object>> fields = new ArrayList<>();
        switch (match) {
            case RuleMatch.PrefixRuleMatch p -> {
                fields.add(Map.entry("matchedPrefix", p.matchedPrefix()));
                fields.add(Map.entry("decision", p.decision().wire()));
                p.resolvedProgram().ifPresent(r -> fields.add(Map.entry("resolvedProgram", r)));
                p.justification().ifPresent(j -> fields.add(Map.entry("justification", j)));
            }
            case RuleMatch.HeuristicsRuleMatch h -> {
                fields.add(Map.entry("command", h.command()));
                fields.add(Map.entry("decision", h.decision().wire()));
            }
        }
        return fields;
    }

    /** Values are String, List of values, or an object as a List of Map.Entry. */
    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value, boolean pretty, int depth) {
        if (value instanceof String text) {
            out.append(RulesSyntax.quote(text));
            return;
        }
        List<Object> items = (List<Object>) value;
        boolean object = !items.isEmpty() && items.getFirst() instanceof Map.Entry<?, ?>;
        char open = object ? '{' : '[';
        char close = object ? '}' : ']';
        out.append(open);
        if (items.isEmpty()) {
            out.append(close);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (pretty) {
                out.append('\n').append("  ".repeat(depth + 1));
            }
            Object item = items.get(i);
            if (item instanceof Map.Entry<?, ?> entry) {
                out.append(RulesSyntax.quote((String) entry.getKey())).append(pretty ? ": " : ":");
                write(out, entry.getValue(), pretty, depth + 1);
            } else {
                write(out, item, pretty, depth + 1);
            }
        }
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
        out.append(close);
    }
}
