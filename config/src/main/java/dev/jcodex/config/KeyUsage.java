package dev.jcodex.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.Toml;

/**
 * Records which keys the typed parsers consumed, so that everything else can be reported once as unknown (the
 * reference tolerates unknown keys; we log them to help with typos).
 */
final class KeyUsage {

    /** One key nobody read. */
    record UnknownKey(String dottedKey, Origin origin) {
        String describe() {
            return origin.describe() + ": unknown configuration key `" + dottedKey + "`";
        }
    }

    private final Set<List<String>> consumedLeaves = new HashSet<>();
    private final Set<List<String>> consumedSubtrees = new HashSet<>();
    private final Set<List<String>> knownTables = new HashSet<>();

    void leaf(List<String> path) {
        consumedLeaves.add(List.copyOf(path));
    }

    void subtree(List<String> path) {
        consumedSubtrees.add(List.copyOf(path));
    }

    /** A table that was opened for reading: known even when empty (its entries are still checked). */
    void table(List<String> path) {
        knownTables.add(List.copyOf(path));
    }

    /** Leaves of {@code root} that were neither read nor inside a consumed subtree. */
    List<UnknownKey> unknownKeys(TomlNode.Table root) {
        List<UnknownKey> unknown = new ArrayList<>();
        walk(root, new ArrayList<>(), unknown);
        return unknown;
    }

    private void walk(TomlNode.Table table, List<String> path, List<UnknownKey> unknown) {
        for (Map.Entry<String, TomlNode> entry : table.entries().entrySet()) {
            path.add(entry.getKey());
            boolean known = consumedSubtrees.contains(path) || consumedLeaves.contains(path);
            if (entry.getValue() instanceof TomlNode.Table nested && !nested.isEmpty() && !known) {
                walk(nested, path, unknown);
            } else if (!known && !(entry.getValue() instanceof TomlNode.Table && knownTables.contains(path))) {
                unknown.add(new UnknownKey(Toml.joinKeyPath(path), entry.getValue().origin()));
            }
            path.removeLast();
        }
    }
}
