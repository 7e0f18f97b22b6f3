package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.tomlj.Toml;

/**
 * Typed, position-aware reads from one table of the effective config. Every read marks the key as consumed in
 * {@link KeyUsage}; a wrong type or value throws a {@link ConfigException} naming the origin and dotted key.
 */
final class TableReader {

    private final TomlNode.Table table;
    private final List<String> path;
    private final KeyUsage usage;
    private final Map<String, String> env;

    TableReader(TomlNode.Table table, List<String> path, KeyUsage usage, Map<String, String> env) {
        this.table = table;
        this.path = List.copyOf(path);
        this.usage = usage;
        this.env = env;
    }

    Set<String> keys() {
        return table.keys();
    }

    boolean has(String key) {
        return table.get(key) != null;
    }

    /** Whether {@code key} holds a table. */
    boolean isTable(String key) {
        return table.get(key) instanceof TomlNode.Table;
    }

    Origin origin() {
        return table.origin();
    }

    Origin originOf(String key) {
        TomlNode node = table.get(key);
        return node == null ? table.origin() : node.origin();
    }

    /** The table this reader reads. */
    TomlNode.Table node() {
        return table;
    }

    /** The quoted dotted name of this table itself. */
    String name() {
        return Toml.joinKeyPath(path);
    }

    /** The quoted dotted key of {@code key} in this table. */
    String dotted(String key) {
        List<String> full = new ArrayList<>(path);
        full.add(key);
        return Toml.joinKeyPath(full);
    }

    /** The sub-table {@code key}, or null when absent. */
    TableReader table(String key) {
        TomlNode node = table.get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof TomlNode.Table nested)) {
            throw invalidType(key, "a table");
        }
        List<String> nestedPath = new ArrayList<>(path);
        nestedPath.add(key);
        usage.table(nestedPath);
        return new TableReader(nested, nestedPath, usage, env);
    }

    /** Marks {@code key} and everything below it as understood without typing it; returns its plain value. */
    Object opaque(String key) {
        TomlNode node = table.get(key);
        usage.subtree(childPath(key));
        return node == null ? null : node.toPlain();
    }

    String string(String key) {
        return typed(key, String.class, "a string");
    }

    String string(String key, String fallback) {
        String value = string(key);
        return value == null ? fallback : value;
    }

    Boolean bool(String key) {
        return typed(key, Boolean.class, "a boolean");
    }

    boolean bool(String key, boolean fallback) {
        Boolean value = bool(key);
        return value == null ? fallback : value;
    }

    Long integer(String key) {
        return typed(key, Long.class, "an integer");
    }

    /** An integer that must be {@code >= 0}. */
    Long nonNegative(String key) {
        Long value = integer(key);
        if (value != null && value < 0) {
            throw invalidValue(key, "a non-negative integer");
        }
        return value;
    }

    /** A float; integers are accepted too. */
    Double number(String key) {
        Object value = rawValue(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Long l) {
            return l.doubleValue();
        }
        if (value instanceof Double d) {
            return d;
        }
        throw invalidType(key, "a number");
    }

    /** A wire-spelled enum constant (exact spelling, as the reference's serde does). */
    <E extends Enum<E> & WireEnum> E enumValue(String key, Class<E> type) {
        String value = string(key);
        return value == null ? null : parseEnum(key, value, type);
    }

    <E extends Enum<E> & WireEnum> E parseEnum(String key, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw invalidValue(key, "one of " + wireNames(type));
    }

    static <E extends Enum<E> & WireEnum> String wireNames(Class<E> type) {
        StringJoiner joiner = new StringJoiner(", ");
        for (E constant : type.getEnumConstants()) {
            joiner.add(constant.wire());
        }
        return joiner.toString();
    }

    List<String> stringList(String key) {
        Object value = rawValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw invalidType(key, "an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A table of string values ({@code env}, {@code http_headers}, ...); marks the whole table consumed. */
    Map<String, String> stringMap(String key) {
        TomlNode node = table.get(key);
        usage.subtree(childPath(key));
        if (node == null) {
            return null;
        }
        if (!(node instanceof TomlNode.Table nested)) {
            throw invalidType(key, "a table of strings");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, TomlNode> entry : nested.entries().entrySet()) {
            if (!(entry.getValue() instanceof TomlNode.Value(String s, Origin ignored))) {
                throw ConfigException.at(entry.getValue().origin(), "invalid type for "
                        + dotted(key) + "." + Toml.joinKeyPath(List.of(entry.getKey())) + ": expected a string, got "
                        + describe(entry.getValue().toPlain()));
            }
            result.put(entry.getKey(), s);
        }
        return Collections.unmodifiableMap(result);
    }

    /** A path; {@code ~/} expands to {@code $HOME}, relative paths resolve against the source's directory. */
    Path path(String key) {
        String value = string(key);
        return value == null ? null : toPath(key, value);
    }

    List<Path> pathList(String key) {
        List<String> values = stringList(key);
        return values == null ? null : values.stream().map(v -> toPath(key, v)).toList();
    }

    private Path toPath(String key, String value) {
        try {
            String expanded = value;
            String home = env.get("HOME");
            if (home != null && !home.isEmpty() && (value.equals("~") || value.startsWith("~/"))) {
                expanded = home + value.substring(1);
            }
            Path p = Path.of(expanded);
            Path base = originOf(key).baseDir();
            if (!p.isAbsolute() && base != null) {
                p = base.resolve(p);
            }
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalidValue(key, "a valid path");
        }
    }

    private <T> T typed(String key, Class<T> type, String expected) {
        Object value = rawValue(key);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw invalidType(key, expected);
        }
        return type.cast(value);
    }

    private Object rawValue(String key) {
        TomlNode node = table.get(key);
        usage.leaf(childPath(key));
        if (node == null) {
            return null;
        }
        return node instanceof TomlNode.Value value ? value.value() : node.toPlain();
    }

    private List<String> childPath(String key) {
        List<String> full = new ArrayList<>(path);
        full.add(key);
        return full;
    }

    ConfigException invalidType(String key, String expected) {
        return ConfigException.at(originOf(key), "invalid type for " + dotted(key) + ": expected " + expected
                + ", got " + describe(table.get(key).toPlain()));
    }

    ConfigException invalidValue(String key, String expected) {
        return ConfigException.at(originOf(key), "invalid value for " + dotted(key) + ": expected " + expected
                + ", got " + describe(table.get(key).toPlain()));
    }

    ConfigException error(String key, String message) {
        return ConfigException.at(originOf(key), dotted(key) + ": " + message);
    }

    /** How a value is shown in error messages: strings quoted, others with their TOML type. */
    static String describe(Object value) {
        return switch (value) {
            case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case Long l -> "integer " + l;
            case Double d -> "float " + d;
            case Boolean b -> "boolean " + b;
            case List<?> list -> "an array";
            case Map<?, ?> map -> "a table";
            case Temporal t -> "date-time " + t;
            default -> String.valueOf(value);
        };
    }
}
