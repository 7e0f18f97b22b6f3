package dev.jcodex.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns writable roots into Landlock path-beneath rules.
 *
 * <p>Landlock only grants: a right given on a directory holds for everything beneath it, and nothing can take
 * it back lower down. So a writable root that has an <em>unsealed</em> read-only path beneath it (say
 * {@code <root>/.git} when no read-only mount covers it) gets <em>no</em> write rule of its own; instead every
 * entry directly inside it is granted separately — each sub-directory whole (or split again if it too contains
 * such a path), each other file with the rights a file rule can carry (write, truncate, device ioctl) — and the
 * read-only entries are skipped. Symlinks are skipped too (a rule follows the inode, so a rule on a link's target
 * would grant an arbitrary place).
 *
 * <p>The consequence of this split layout, stated plainly: inside such a root (always the working directory
 * when nothing is sealed, because its {@code .codex} is protected even before it exists) a command can change
 * existing files and anything inside existing sub-directories, but cannot create, delete or rename entries
 * <em>directly</em> in the root. Entries that appear later are covered on the next spawn, since rules are
 * computed per spawn.
 *
 * <p>Read-only paths <em>sealed</em> by a read-only bind mount in the spawn's private mount namespace
 * ({@link MountNamespace}) need no split: the kernel refuses writes there with {@code EROFS} whatever Landlock
 * grants, so their root is granted whole.
 */
final class LandlockRules {

    /** What a rule is attached to; file rules may only carry file rights. */
    enum Target { DIRECTORY, FILE }

    /** One rule: {@code access} beneath {@code path}. */
    record PathRule(Path path, Target target, long access) {}

    /** Devices every confined command may write (terminal, sinks, randomness). */
    static final List<Path> WRITABLE_DEVICE_FILES = List.of(Path.of("/dev/null"), Path.of("/dev/zero"),
            Path.of("/dev/full"), Path.of("/dev/random"), Path.of("/dev/urandom"), Path.of("/dev/tty"),
            Path.of("/dev/ptmx"));

    /** Pseudo-terminal slaves (a PTY-driven shell reopens its terminal there). */
    static final Path DEV_PTS = Path.of("/dev/pts");

    private LandlockRules() {}

    /** The split layout: {@link #plan(List, int, Set)} with nothing sealed. */
    static List<PathRule> plan(List<WritableRoot> roots, int abi) {
        return plan(roots, abi, Set.of());
    }

    /**
     * The full rule list: read+execute everywhere, the writable devices, then the writable roots.
     *
     * @param sealed read-only paths that read-only mounts already cover; directories above them need no split
     */
    static List<PathRule> plan(List<WritableRoot> roots, int abi, Set<Path> sealed) {
        List<PathRule> rules = new ArrayList<>();
        rules.add(new PathRule(Path.of("/"), Target.DIRECTORY, Landlock.READ_RIGHTS));
        long deviceRights = Landlock.handledFs(abi)
                & (Landlock.READ_FILE | Landlock.WRITE_FILE | Landlock.TRUNCATE | Landlock.IOCTL_DEV);
        for (Path device : WRITABLE_DEVICE_FILES) {
            rules.add(new PathRule(device, Target.FILE, deviceRights));
        }
        rules.add(new PathRule(DEV_PTS, Target.DIRECTORY, deviceRights | Landlock.READ_DIR));
        Set<Path> readOnly = new HashSet<>();
        for (WritableRoot root : roots) {
            readOnly.addAll(root.readOnlySubpaths());
        }
        Set<Path> splitAround = new HashSet<>(readOnly);
        splitAround.removeAll(sealed);
        List<Path> sortedRoots = roots.stream().map(WritableRoot::root).sorted(Comparator.naturalOrder()).toList();
        for (Path root : sortedRoots) {
            grant(root, readOnly, splitAround, abi, rules);
        }
        return rules.stream().distinct().toList();
    }

    private static void grant(Path path, Set<Path> readOnly, Set<Path> splitAround, int abi, List<PathRule> rules) {
        if (readOnly.contains(path)) {
            return;
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return; // Missing (or vanished): nothing to grant.
        }
        if (attrs.isSymbolicLink()) {
            return;
        }
        if (!attrs.isDirectory()) {
            rules.add(new PathRule(path, Target.FILE, Landlock.writableFileRights(abi)));
            return;
        }
        boolean containsReadOnly = splitAround.stream().anyMatch(p -> !p.equals(path) && p.startsWith(path));
        if (!containsReadOnly) {
            rules.add(new PathRule(path, Target.DIRECTORY, Landlock.writableDirRights(abi)));
            return;
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            entries.forEach(children::add);
        } catch (IOException e) {
            return; // Unlistable: grant nothing beneath it (fail closed).
        }
        children.sort(Comparator.naturalOrder());
        for (Path child : children) {
            grant(child, readOnly, splitAround, abi, rules);
        }
    }
}
