package dev.jcodex.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code [projects."<abs path>"]} trust decisions and the cwd's project.
 *
 * @param projects every trust decision, keyed by the absolute path as written
 * @param projectRoot the nearest ancestor of cwd holding a {@code project_root_markers} entry (default
 *                    {@code .git}); cwd itself when none is found or the marker list is empty
 * @param activeTrust the decision for cwd (else for {@code projectRoot}), or null when there is none
 */
public record ProjectSettings(Map<String, TrustLevel> projects, Path projectRoot, TrustLevel activeTrust) {

    public ProjectSettings {
        projects = Collections.unmodifiableMap(new LinkedHashMap<>(projects));
    }

    /** The trust decision for the cwd's project, if any. */
    public Optional<TrustLevel> trust() {
        return Optional.ofNullable(activeTrust);
    }

    /** Whether project config layers apply. */
    public boolean isTrusted() {
        return activeTrust == TrustLevel.TRUSTED;
    }

    static Map<String, TrustLevel> parseProjects(TableReader root) {
        Map<String, TrustLevel> result = new LinkedHashMap<>();
        TableReader projects = root.table("projects");
        if (projects == null) {
            return result;
        }
        for (String key : projects.keys()) {
            TableReader project = projects.table(key);
            TrustLevel level = project.enumValue("trust_level", TrustLevel.class);
            if (level != null) {
                result.put(key, level);
            }
        }
        return result;
    }

    /** The nearest ancestor of {@code cwd} (inclusive) containing one of {@code markers}, else {@code cwd}. */
    static Path findProjectRoot(Path cwd, List<String> markers) {
        if (markers.isEmpty()) {
            return cwd;
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            for (String marker : markers) {
                if (Files.exists(dir.resolve(marker))) {
                    return dir;
                }
            }
        }
        return cwd;
    }

    /** The directories from {@code root} down to {@code cwd}, both inclusive. */
    static List<Path> rootToCwd(Path root, Path cwd) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            dirs.addFirst(dir);
            if (dir.equals(root)) {
                break;
            }
        }
        return dirs;
    }

    /** Looks up the decision for cwd, then for the project root (as written, then canonicalised). */
    static TrustLevel lookup(Map<String, TrustLevel> projects, Path cwd, Path projectRoot) {
        Map<Path, TrustLevel> byPath = new LinkedHashMap<>();
        projects.forEach((key, level) -> {
            try {
                byPath.putIfAbsent(Path.of(key).toAbsolutePath().normalize(), level);
            } catch (InvalidPathException ignored) {
                // Not a path on this platform: it cannot match.
            }
        });
        for (Path candidate : List.of(cwd, projectRoot)) {
            TrustLevel level = byPath.get(candidate);
            if (level == null) {
                level = byPath.get(realPath(candidate));
            }
            if (level != null) {
                return level;
            }
        }
        return null;
    }

    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
