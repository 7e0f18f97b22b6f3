package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;

/**
 * One change to a config.toml, applied by {@link ConfigEditor}. Values may be {@code String}, integers,
 * floating-point numbers, {@code Boolean}, {@code Path} (written as its string), a {@link WireEnum} (written as
 * its wire spelling), {@code List} and {@code Map} (nested maps are written as inline tables).
 */
public sealed interface ConfigEdit {

    /**
     * Sets {@code path} to {@code value}, creating tables on the way; a {@code Map} value replaces the table at
     * {@code path} (written as a {@code [table]}, kept where it was if it existed).
     *
     * @param path key segments
     * @param value the new value
     */
    record SetValue(List<String> path, Object value) implements ConfigEdit {
        public SetValue {
            path = requirePath(path);
            value = normalize(value);
        }
    }

    /**
     * Removes {@code path} (a key or a whole table); nothing happens when it is absent.
     *
     * @param path key segments
     */
    record Remove(List<String> path) implements ConfigEdit {
        public Remove {
            path = requirePath(path);
        }
    }

    /**
     * Sets a TOML dotted key such as {@code model} or {@code projects."/a b".trust_level}.
     *
     * @throws ConfigException when the key is not valid TOML key syntax
     */
    static ConfigEdit set(String dottedKey, Object value) {
        return new SetValue(parseKey(dottedKey), value);
    }

    /** Removes a TOML dotted key. */
    static ConfigEdit remove(String dottedKey) {
        return new Remove(parseKey(dottedKey));
    }

    /** Replaces the table at {@code path} (e.g. {@code ["mcp_servers", "docs"]}) with {@code entries}. */
    static ConfigEdit setTable(List<String> path, Map<String, ?> entries) {
        return new SetValue(path, new LinkedHashMap<>(entries));
    }

    /** {@code [projects."<abs path>"] trust_level = "trusted"|"untrusted"}. */
    static ConfigEdit setProjectTrust(Path project, TrustLevel level) {
        return new SetValue(List.of("projects", project.toAbsolutePath().normalize().toString(), "trust_level"),
                level.wire());
    }

    /**
     * {@code [features] <key> = true} ({@code codex features enable <name>}); legacy names are written under
     * their canonical key.
     *
     * @throws ConfigException {@code Unknown feature flag: <name>}
     */
    static ConfigEdit enableFeature(String feature) {
        return new SetValue(List.of("features", Feature.require(feature).key()), true);
    }

    /**
     * {@code [features] <key> = false} ({@code codex features disable <name>}).
     *
     * @throws ConfigException {@code Unknown feature flag: <name>}
     */
    static ConfigEdit disableFeature(String feature) {
        return new SetValue(List.of("features", Feature.require(feature).key()), false);
    }

    /**
     * {@code [profiles.<profile>.features] <key> = true} ({@code codex features enable -p <profile> <name>}).
     *
     * @throws ConfigException {@code Unknown feature flag: <name>}
     */
    static ConfigEdit enableProfileFeature(String profile, String feature) {
        return new SetValue(List.of("profiles", profile, "features", Feature.require(feature).key()), true);
    }

    /**
     * {@code [profiles.<profile>.features] <key> = false}.
     *
     * @throws ConfigException {@code Unknown feature flag: <name>}
     */
    static ConfigEdit disableProfileFeature(String profile, String feature) {
        return new SetValue(List.of("profiles", profile, "features", Feature.require(feature).key()), false);
    }

    /** {@code [mcp_servers.<name>]} with {@code entries} ({@code command}, {@code args}, {@code env}, ...). */
    static ConfigEdit setMcpServer(String name, Map<String, ?> entries) {
        return setTable(List.of("mcp_servers", name), entries);
    }

    /** Removes {@code [mcp_servers.<name>]}. */
    static ConfigEdit removeMcpServer(String name) {
        return new Remove(List.of("mcp_servers", name));
    }

    private static List<String> parseKey(String dottedKey) {
        try {
            return Toml.parseDottedKey(dottedKey);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid config key `" + dottedKey + "`: " + e.getMessage());
        }
    }

    private static List<String> requirePath(List<String> path) {
        if (path == null || path.isEmpty()) {
            throw new ConfigException("a config edit needs a non-empty key");
        }
        return List.copyOf(path);
    }

    /** Turns a value into what tomlj writes (and what a re-parse gives back). */
    private static Object normalize(Object value) {
        return switch (value) {
            case null -> throw new ConfigException("a config value cannot be null (use Remove)");
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case Path p -> p.toString();
            case WireEnum e -> e.wire();
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(v -> copy.add(normalize(v)));
                yield List.copyOf(copy);
            }
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
                yield java.util.Collections.unmodifiableMap(copy);
            }
            case String s -> s;
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            default -> throw new ConfigException("cannot write a " + value.getClass().getSimpleName()
                    + " to config.toml");
        };
    }
}
