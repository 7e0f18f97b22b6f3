package dev.jcodex.sandbox;

import dev.jcodex.protocol.SandboxPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the writable roots of a policy (spec §6.2 {@code get_writable_roots_with_cwd}): the configured roots,
 * the working directory, {@code /tmp} (if it exists, unless excluded) and {@code $TMPDIR} (if set, unless
 * excluded), each canonicalised, with its read-only sub-paths.
 *
 * <p>The file system is consulted on every call (existence of {@code .git}, {@code gitdir:} pointers), so call
 * it right before a spawn rather than caching the result.
 */
public final class WritableRoots {

    /** Names kept read-only inside every writable root. */
    public static final List<String> PROTECTED_NAMES = List.of(".git", ".agents", ".codex");

    private static final Path SLASH_TMP = Path.of("/tmp");

    private WritableRoots() {}

    /**
     * The writable roots of {@code policy} for a command whose policy working directory is {@code cwd}.
     * Empty for {@code read-only} (nothing is writable) and for {@code danger-full-access} (everything is
     * writable; there are no roots to list).
     *
     * @param env the environment the child will get; only {@code TMPDIR} is read
     */
    public static List<WritableRoot> of(SandboxPolicy policy, Path cwd, Map<String, String> env) {
        return switch (policy) {
            case SandboxPolicy.DangerFullAccess d -> List.of();
            case SandboxPolicy.ReadOnly r -> List.of();
            case SandboxPolicy.WorkspaceWrite w -> workspaceRoots(w, cwd, env);
        };
    }

    private static List<WritableRoot> workspaceRoots(SandboxPolicy.WorkspaceWrite policy, Path cwd,
            Map<String, String> env) {
        Path canonicalCwd = canonical(cwd.toAbsolutePath());
        Set<Path> roots = new LinkedHashSet<>();
        for (String configured : policy.writableRoots()) {
            roots.add(canonical(canonicalCwd.resolve(configured)));
        }
        roots.add(canonicalCwd);
        if (!policy.excludeSlashTmp() && Files.isDirectory(SLASH_TMP)) {
            roots.add(canonical(SLASH_TMP));
        }
        String tmpdir = env.get("TMPDIR");
        if (!policy.excludeTmpdirEnvVar() && tmpdir != null && !tmpdir.isBlank()) {
            roots.add(canonical(canonicalCwd.resolve(tmpdir)));
        }
        Map<Path, WritableRoot> result = new LinkedHashMap<>();
        for (Path root : roots) {
            result.put(root, new WritableRoot(root, readOnlySubpaths(root, root.equals(canonicalCwd))));
        }
        return List.copyOf(result.values());
    }

    private static List<Path> readOnlySubpaths(Path root, boolean isCwd) {
        Set<Path> paths = new LinkedHashSet<>();
        Path git = root.resolve(".git");
        if (Files.exists(git, LinkOption.NOFOLLOW_LINKS)) {
            addWithTarget(paths, git);
            if (Files.isRegularFile(git)) {
                gitdirPointer(root, git).ifPresent(gitdir -> addWithTarget(paths, gitdir));
            }
        }
        Path agents = root.resolve(".agents");
        if (Files.isDirectory(agents)) {
            addWithTarget(paths, agents);
        }
        Path codex = root.resolve(".codex");
        if (Files.isDirectory(codex) || isCwd) {
            addWithTarget(paths, codex);
        }
        return new ArrayList<>(paths);
    }

    /** The directory a {@code .git} file points at ({@code gitdir: <path>}, relative to the root if relative). */
    private static Optional<Path> gitdirPointer(Path root, Path gitFile) {
        try {
            for (String line : Files.readAllLines(gitFile, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("gitdir:")) {
                    String target = trimmed.substring("gitdir:".length()).strip();
                    if (!target.isEmpty()) {
                        return Optional.of(root.resolve(target).normalize());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable or not text: nothing more to protect than the file itself.
        }
        return Optional.empty();
    }

    /** Adds the path and, when it resolves elsewhere (a symlink), its canonical target too. */
    private static void addWithTarget(Set<Path> paths, Path path) {
        paths.add(path);
        Path target = canonical(path);
        if (!target.equals(path)) {
            paths.add(target);
        }
    }

    /** The real path when the file exists, else the absolute normalised path. */
    static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
