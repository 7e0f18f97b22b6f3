package dev.jcodex.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlKeyValue;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A config tree in which every value remembers its {@link Origin}, so a type error found after layers were merged
 * still names the file and {@code line:column} (or the {@code -c} override) it came from.
 */
sealed interface TomlNode permits TomlNode.Table, TomlNode.Value {

    Origin origin();

    /** The plain Java view: {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double}, ... */
    Object toPlain();

    TomlNode copy();

    /** A scalar or an array (arrays hold plain Java values). */
    record Value(Object value, Origin origin) implements TomlNode {
        @Override
        public Object toPlain() {
            return value;
        }

        @Override
        public Value copy() {
            return this;
        }
    }

    /** A table; insertion order is kept. */
    final class Table implements TomlNode {
        private final LinkedHashMap<String, TomlNode> entries = new LinkedHashMap<>();
        private final Origin origin;

        Table(Origin origin) {
            this.origin = origin;
        }

        @Override
        public Origin origin() {
            return origin;
        }

        TomlNode get(String key) {
            return entries.get(key);
        }

        void put(String key, TomlNode node) {
            entries.put(key, node);
        }

        TomlNode remove(String key) {
            return entries.remove(key);
        }

        Set<String> keys() {
            return Collections.unmodifiableSet(entries.keySet());
        }

        Map<String, TomlNode> entries() {
            return Collections.unmodifiableMap(entries);
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        /** The node at {@code path}, or null. */
        TomlNode find(List<String> path) {
            TomlNode current = this;
            for (String segment : path) {
                if (!(current instanceof Table table)) {
                    return null;
                }
                current = table.entries.get(segment);
                if (current == null) {
                    return null;
                }
            }
            return current;
        }

        /** Sets {@code path}, creating intermediate tables and replacing non-table intermediates by tables. */
        void setPath(List<String> path, TomlNode value) {
            Table current = this;
            for (int i = 0; i < path.size() - 1; i++) {
                TomlNode next = current.entries.get(path.get(i));
                if (next instanceof Table table) {
                    current = table;
                } else {
                    Table created = new Table(value.origin());
                    current.entries.put(path.get(i), created);
                    current = created;
                }
            }
            current.entries.put(path.getLast(), value);
        }

        /** Deep merge: tables merge key by key, anything else in {@code overlay} replaces what is here. */
        void mergeFrom(Table overlay) {
            for (Map.Entry<String, TomlNode> entry : overlay.entries.entrySet()) {
                TomlNode mine = entries.get(entry.getKey());
                if (mine instanceof Table mineTable && entry.getValue() instanceof Table theirs) {
                    mineTable.mergeFrom(theirs);
                } else {
                    entries.put(entry.getKey(), entry.getValue().copy());
                }
            }
        }

        @Override
        public Table copy() {
            Table copy = new Table(origin);
            entries.forEach((key, node) -> copy.entries.put(key, node.copy()));
            return copy;
        }

        @Override
        public Map<String, Object> toPlain() {
            LinkedHashMap<String, Object> plain = new LinkedHashMap<>();
            entries.forEach((key, node) -> plain.put(key, node.toPlain()));
            return Collections.unmodifiableMap(plain);
        }

        /** Converts a parsed tomlj table; {@code origin} names the file (positions are filled in per key). */
        static Table fromToml(TomlTable table, Origin origin) {
            Table result = new Table(origin);
            for (String key : table.keySet()) {
                List<String> keyPath = List.of(key);
                Object value = table.get(keyPath);
                TomlKeyValue entry = table.entry(keyPath);
                if (value instanceof TomlTable nested) {
                    TomlPosition position = entry != null ? entry.position() : table.inputPositionOf(keyPath);
                    result.entries.put(key, fromToml(nested, origin.at(position)));
                } else {
                    TomlPosition position = entry != null && entry.value() != null
                            ? entry.value().position() : table.inputPositionOf(keyPath);
                    result.entries.put(key, new Value(plain(value), origin.at(position)));
                }
            }
            return result;
        }

        private static Object plain(Object value) {
            return switch (value) {
                case TomlTable table -> {
                    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
                    for (String key : table.keySet()) {
                        map.put(key, plain(table.get(List.of(key))));
                    }
                    yield Collections.unmodifiableMap(map);
                }
                case TomlArray array -> {
                    List<Object> list = new ArrayList<>(array.size());
                    for (int i = 0; i < array.size(); i++) {
                        list.add(plain(array.get(i)));
                    }
                    yield Collections.unmodifiableList(list);
                }
                default -> value;
            };
        }
    }
}
