package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which paths the mount-namespace layout turns into mount points, decided from the writable roots and the file
 * system as it is now (the mounts themselves are made by {@link MountNamespace}, which re-checks every path).
 *
 * <ul>
 *   <li>{@code seals}: read-only paths beneath a writable root that are a directory or a regular file (or the
 *       working directory's missing {@code .codex}, created first). Each becomes a read-only bind mount of
 *       itself: writing inside gives {@code EROFS}, moving or deleting it {@code EBUSY}. A path beneath another
 *       sealed path is covered by that one's recursive mount and not listed.</li>
 *   <li>{@code pins}: directories on the way down to a sealed path that lie strictly beneath a writable root
 *       (a project inside a writable {@code /tmp}). Each becomes a writable bind mount of itself so that it
 *       cannot be renamed or removed either (that would let a command move the project aside and put a forged
 *       one with its own {@code .git} in its place). Moving entries out of a pinned directory to elsewhere in the
 *       enclosing root then gives {@code EXDEV} ({@code mv} falls back to copying).</li>
 *   <li>{@code unsealed}: read-only paths beneath a writable root that cannot be mounted over (symlinks, other
 *       missing paths, special files); Landlock splits the directories above them as in the split layout.</li>
 * </ul>
 *
 * @param codexToCreate the working directory's {@code .codex}, when it is protected but does not exist yet
 * @param pins          writable self-binds, parents before children
 * @param seals         read-only self-binds, parents before children
 * @param unsealed      read-only paths left to Landlock's split rules
 */
record MountPlan(Optional<Path> codexToCreate, List<Path> pins, List<Path> seals, List<Path> unsealed) {

    MountPlan {
        pins = List.copyOf(pins);
        seals = List.copyOf(seals);
        unsealed = List.copyOf(unsealed);
    }

    /** Parents before children; paths of equal depth in natural order. */
    static final Comparator<Path> OUTER_FIRST = Comparator.comparingInt(Path::getNameCount)
            .thenComparing(Comparator.naturalOrder());

    /**
     * The plan for {@code roots}.
     *
     * @param cwd the policy's working directory, whose {@code .codex} is protected even when missing
     */
    static MountPlan of(List<WritableRoot> roots, Path cwd) {
        Path missingCodex = WritableRoots.canonical(cwd.toAbsolutePath()).resolve(".codex");
        List<Path> rootPaths = roots.stream().map(WritableRoot::root).toList();
        Set<Path> readOnly = new TreeSet<>(OUTER_FIRST);
        for (WritableRoot root : roots) {
            for (Path path : root.readOnlySubpaths()) {
                if (strictlyBeneathAny(path, rootPaths)) {
                    readOnly.add(path);
                }
            }
        }
        Optional<Path> create = Optional.empty();
        List<Path> seals = new ArrayList<>();
        List<Path> unsealed = new ArrayList<>();
        for (Path path : readOnly) {
            if (seals.stream().anyMatch(path::startsWith)) {
                continue; // Inside a sealed tree: read-only through that mount already.
            }
            Optional<BasicFileAttributes> attrs = attributes(path);
            boolean mountable = attrs.map(a -> a.isDirectory() || a.isRegularFile()).orElse(false);
            if (attrs.isEmpty() && path.equals(missingCodex)) {
                create = Optional.of(path);
                mountable = true;
            }
            (mountable ? seals : unsealed).add(path);
        }
        Set<Path> pins = new TreeSet<>(OUTER_FIRST);
        for (Path seal : seals) {
            for (Path dir = seal.getParent(); dir != null; dir = dir.getParent()) {
                if (strictlyBeneathAny(dir, rootPaths)) {
                    pins.add(dir);
                }
            }
        }
        return new MountPlan(create, new ArrayList<>(pins), seals, unsealed);
    }

    /** The read-only paths of {@code roots} that {@code sealed} mounts cover: those at or beneath one of them. */
    static Set<Path> covered(List<WritableRoot> roots, Set<Path> sealed) {
        Set<Path> covered = new LinkedHashSet<>();
        for (WritableRoot root : roots) {
            for (Path path : root.readOnlySubpaths()) {
                if (sealed.stream().anyMatch(path::startsWith)) {
                    covered.add(path);
                }
            }
        }
        return covered;
    }

    private static boolean strictlyBeneathAny(Path path, List<Path> roots) {
        return roots.stream().anyMatch(root -> path.startsWith(root) && !path.equals(root));
    }

    private static Optional<BasicFileAttributes> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
