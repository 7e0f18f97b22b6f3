package dev.jcodex.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * One {@code -c key=value} override, parsed exactly as the reference does (spec §1.5): split on the first
 * {@code =}, trim both sides, parse the value as TOML via the document {@code _x_ = <value>} and fall back to the
 * raw text (surrounding quotes stripped) as a string; the key is split on every {@code .}.
 *
 * @param raw the argument as given
 * @param path the dotted key split into segments ({@code use_legacy_landlock} becomes
 *             {@code features.use_legacy_landlock})
 * @param value the parsed value: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, a date/time,
 *              {@code List} or {@code Map} (inline table)
 */
public record ConfigOverride(String raw, List<String> path, Object value) {

    public ConfigOverride {
        path = List.copyOf(path);
    }

    /**
     * Parses one override.
     *
     * @throws ConfigException {@code Invalid override (missing '='): <raw>} or {@code Empty key in override: <raw>}
     */
    public static ConfigOverride parse(String raw) {
        int eq = raw.indexOf('=');
        if (eq < 0) {
            throw new ConfigException("Invalid override (missing '='): " + raw);
        }
        String key = raw.substring(0, eq).trim();
        String valueText = raw.substring(eq + 1).trim();
        if (key.isEmpty()) {
            throw new ConfigException("Empty key in override: " + raw);
        }
        if (key.equals("use_legacy_landlock")) {
            key = "features.use_legacy_landlock";
        }
        return new ConfigOverride(raw, Arrays.asList(key.split("\\.", -1)), parseValue(valueText));
    }

    /** Parses every override in order; the first bad one throws. */
    public static List<ConfigOverride> parseAll(List<String> raws) {
        return raws.stream().map(ConfigOverride::parse).toList();
    }

    /** The dotted key, as written. */
    public String key() {
        return String.join(".", path);
    }

    static Object parseValue(String text) {
        TomlParseResult parsed = Toml.parse("_x_ = " + text);
        if (!parsed.hasErrors() && parsed.keySet().size() == 1 && parsed.contains(List.of("_x_"))) {
            return TomlNode.Table.fromToml(parsed, new Origin("-c", null, 0, 0)).get("_x_").toPlain();
        }
        return stripQuotes(text);
    }

    private static String stripQuotes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isQuote(text.charAt(start))) {
            start++;
        }
        while (end > start && isQuote(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** This override as a tree node for the session-flags layer. */
    TomlNode toNode(Path cwd) {
        return toNode(value, Origin.override(raw.trim(), cwd));
    }

    static TomlNode toNode(Object plain, Origin origin) {
        if (plain instanceof Map<?, ?> map) {
            TomlNode.Table table = new TomlNode.Table(origin);
            map.forEach((k, v) -> table.put((String) k, toNode(v, origin)));
            return table;
        }
        return new TomlNode.Value(plain, origin);
    }
}
