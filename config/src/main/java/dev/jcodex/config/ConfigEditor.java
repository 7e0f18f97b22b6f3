package dev.jcodex.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.MutableTomlArray;
import org.tomlj.MutableTomlTable;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Format-preserving edits of a config.toml (spec §8.4): comments, key order, spacing and quoting of untouched
 * lines stay byte for byte. Uses tomlj's source-preserving serializer (tomlj 2.x keeps the parsed source and
 * re-renders only what changed), then re-parses the result and checks it equals the expected document before
 * anything is written. Writes go to a temp file in the same directory that is renamed over the target; the
 * file mode is kept ({@code 0600} for a new file); a symlinked config.toml is edited at its target.
 */
public final class ConfigEditor {

    private static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final String BOM = "\uFEFF";

    private ConfigEditor() {}

    /** Applies {@code edits} to {@code file} (created when missing). */
    public static void apply(Path file, ConfigEdit... edits) {
        apply(file, List.of(edits));
    }

    /**
     * Applies {@code edits}, in order, to {@code file} (created with its parent directories when missing).
     *
     * @throws ConfigException when the file is not valid TOML (nothing is written) or cannot be written
     */
    public static void apply(Path file, List<ConfigEdit> edits) {
        Path target = resolveLinks(file);
        boolean exists = Files.exists(target);
        String original = exists ? TomlFiles.readText(target) : "";
        String updated = edit(original, target, edits);
        if (exists && updated.equals(original)) {
            return;
        }
        write(target, (exists && hasBom(target) ? BOM : "") + updated, exists);
    }

    /** The text of a config file after {@code edits}; {@code file} only names it in error messages. */
    static String edit(String text, Path file, List<ConfigEdit> edits) {
        TomlParseResult document = TomlFiles.parse(file, text);
        Map<String, Object> expected = mutableCopy(TomlNode.Table.fromToml(document, Origin.file(file, null))
                .toPlain());
        for (ConfigEdit edit : edits) {
            switch (edit) {
                case ConfigEdit.SetValue(List<String> path, Object value) -> {
                    set(document, path, value);
                    expectSet(expected, path, value);
                }
                case ConfigEdit.Remove(List<String> path) -> {
                    remove(document, path);
                    expectRemoved(expected, path);
                }
            }
        }
        String updated = document.toToml();
        verify(updated, file, expected);
        return updated;
    }

    private static void set(MutableTomlTable document, List<String> path, Object value) {
        MutableTomlTable parent = document;
        for (String segment : path.subList(0, path.size() - 1)) {
            parent = childTable(parent, segment);
        }
        String key = path.getLast();
        if (value instanceof Map<?, ?> entries) {
            MutableTomlTable table = childTable(parent, key);
            table.clear();
            entries.forEach((k, v) -> table.set(List.of((String) k), toToml(v)));
        } else {
            parent.set(List.of(key), toToml(value));
        }
    }

    /** The sub-table {@code key}, replacing a non-table value there. */
    private static MutableTomlTable childTable(MutableTomlTable parent, String key) {
        Object existing = parent.get(List.of(key));
        if (existing != null && !(existing instanceof TomlTable)) {
            parent.remove(List.of(key));
        }
        return parent.getOrCreateTable(List.of(key));
    }

    /**
     * Removes {@code path}; ancestors that only grouped sub-tables (like {@code mcp_servers} for
     * {@code [mcp_servers.docs]}) and are left empty go too, instead of surviving as an empty header.
     */
    private static void remove(MutableTomlTable document, List<String> path) {
        if (!isTable(document, path.subList(0, path.size() - 1))) {
            return;
        }
        List<List<String>> namespaces = new ArrayList<>();
        for (int end = path.size() - 1; end >= 1; end--) {
            List<String> prefix = path.subList(0, end);
            TomlTable table = (TomlTable) document.get(prefix);
            if (table.keySet().stream().allMatch(key -> table.get(List.of(key)) instanceof TomlTable)) {
                namespaces.add(prefix);
            } else {
                break;
            }
        }
        document.remove(path);
        for (List<String> prefix : namespaces) {
            if (document.get(prefix) instanceof TomlTable table && table.isEmpty()) {
                document.remove(prefix);
            } else {
                break;
            }
        }
    }

    /** Whether {@code path} names a table (the root for an empty path), without materialising anything. */
    private static boolean isTable(TomlTable document, List<String> path) {
        Object current = document;
        for (String segment : path) {
            if (!(current instanceof TomlTable table)) {
                return false;
            }
            current = table.get(List.of(segment));
        }
        return current instanceof TomlTable;
    }

    /** Lists become arrays, maps inside values become inline tables. */
    private static Object toToml(Object value) {
        if (value instanceof List<?> list) {
            MutableTomlArray array = MutableTomlArray.createInline();
            list.forEach(v -> array.add(toToml(v)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            MutableTomlTable table = MutableTomlTable.createInline();
            map.forEach((k, v) -> table.set(List.of((String) k), toToml(v)));
            return table;
        }
        return value;
    }

    private static void verify(String updated, Path file, Map<String, Object> expected) {
        TomlParseResult reparsed = org.tomlj.Toml.parse(updated);
        if (reparsed.hasErrors()
                || !TomlNode.Table.fromToml(reparsed, Origin.file(file, null)).toPlain().equals(expected)) {
            throw new ConfigException("editing " + file + " did not produce the expected TOML; the file was left"
                    + " unchanged" + (reparsed.hasErrors() ? " (" + reparsed.errors().getFirst() + ")" : ""));
        }
    }

    @SuppressWarnings("unchecked")
    private static void expectSet(Map<String, Object> model, List<String> path, Object value) {
        Map<String, Object> current = model;
        for (String segment : path.subList(0, path.size() - 1)) {
            if (!(current.get(segment) instanceof Map<?, ?>)) {
                current.put(segment, new LinkedHashMap<String, Object>());
            }
            current = (Map<String, Object>) current.get(segment);
        }
        current.put(path.getLast(), value instanceof Map<?, ?> map ? mutableCopy((Map<String, Object>) map) : value);
    }

    /** The same removal (with namespace pruning) on the plain model of the document. */
    @SuppressWarnings("unchecked")
    private static void expectRemoved(Map<String, Object> model, List<String> path) {
        List<Map<String, Object>> chain = new ArrayList<>();
        Map<String, Object> current = model;
        for (String segment : path.subList(0, path.size() - 1)) {
            if (!(current.get(segment) instanceof Map<?, ?>)) {
                return;
            }
            current = (Map<String, Object>) current.get(segment);
            chain.add(current);
        }
        int prunable = 0;
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!chain.get(i).values().stream().allMatch(Map.class::isInstance)) {
                break;
            }
            prunable++;
        }
        current.remove(path.getLast());
        for (int i = chain.size() - 1; i >= chain.size() - prunable; i--) {
            if (!chain.get(i).isEmpty()) {
                break;
            }
            (i == 0 ? model : chain.get(i - 1)).remove(path.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutableCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? mutableCopy((Map<String, Object>) m) : v));
        return copy;
    }

    private static Path resolveLinks(Path file) {
        Path target = file.toAbsolutePath();
        for (int hops = 0; hops < 32 && Files.isSymbolicLink(target); hops++) {
            try {
                target = target.resolveSibling(Files.readSymbolicLink(target)).normalize();
            } catch (IOException e) {
                throw new ConfigException("failed to resolve symlink " + file + ": " + e.getMessage(), e);
            }
        }
        return target;
    }

    private static boolean hasBom(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return new String(head, StandardCharsets.UTF_8).startsWith(BOM);
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path target, String text, boolean exists) {
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(exists ? Files.getPosixFilePermissions(target) : NEW_FILE_MODE);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new ConfigException("failed to write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the temp file is hidden and harmless.
                }
            }
        }
    }
}
