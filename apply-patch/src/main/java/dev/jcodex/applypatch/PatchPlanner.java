package dev.jcodex.applypatch;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes every file's new content in memory, section by section, against an overlay of what earlier sections
 * of the same patch planned (so "add then update" or "delete then add" behave as if applied in order). Nothing is
 * written; the first problem aborts planning with a model-readable {@link ApplyPatchException}.
 */
final class PatchPlanner {

    /** The planned state of a path that a section wrote or removed. */
    private sealed interface Planned {
    }

    private record Removed() implements Planned {
    }

    private record Written(String text, boolean byteOrderMark, Optional<Set<PosixFilePermission>> permissions)
            implements Planned {
    }

    private final Path cwd;
    private final Map<Path, Planned> overlay = new LinkedHashMap<>();
    private final Map<Path, DiskSnapshot> snapshots = new HashMap<>();
    private final Map<Path, DiskSnapshot.Kind> ancestorKinds = new HashMap<>();
    private final List<PlannedChange> changes = new ArrayList<>();

    private PatchPlanner(Path cwd) {
        this.cwd = cwd;
    }

    static PatchPlan plan(Patch patch, Path cwd) {
        if (patch.changes().isEmpty()) {
            throw new ApplyPatchException("No files were modified.");
        }
        PatchPlanner planner = new PatchPlanner(cwd.toAbsolutePath().normalize());
        for (FileChange change : patch.changes()) {
            switch (change) {
                case FileChange.AddFile add -> planner.planAdd(add);
                case FileChange.DeleteFile delete -> planner.planDelete(delete);
                case FileChange.UpdateFile update -> planner.planUpdate(update);
            }
        }
        return planner.finish();
    }

    private Path resolve(String written) {
        try {
            return cwd.resolve(written).normalize();
        } catch (InvalidPathException e) {
            throw new ApplyPatchException("Invalid path '" + written + "': " + e.getReason());
        }
    }

    // ---- sections ---------------------------------------------------------------------------------------------

    private void planAdd(FileChange.AddFile add) {
        Path target = resolve(add.path());
        Optional<String> replaced = textBeforeOverwrite(target);
        ensureParents(target);
        overlay.put(target, new Written(add.contents(), false, Optional.empty()));
        changes.add(new PlannedChange.Added(add.path(), target, add.contents(), replaced));
    }

    private void planDelete(FileChange.DeleteFile delete) {
        Path target = resolve(delete.path());
        String context = "Failed to delete file " + target;
        Optional<String> deletedText = switch (overlay.get(target)) {
            case Written written -> Optional.of(written.text());
            case Removed _ -> throw new ApplyPatchException(context + ": No such file or directory");
            case null -> {
                DiskSnapshot disk = snapshot(target, context);
                if (disk.linkTarget().isPresent()) {
                    yield decodeQuietly(disk);
                }
                yield switch (disk.kind()) {
                    case MISSING -> throw new ApplyPatchException(context + ": No such file or directory");
                    case DIRECTORY -> throw new ApplyPatchException(context + ": path is a directory");
                    case FILE, OTHER -> decodeQuietly(disk);
                };
            }
        };
        overlay.put(target, new Removed());
        changes.add(new PlannedChange.Deleted(delete.path(), target, deletedText));
    }

    private void planUpdate(FileChange.UpdateFile update) {
        Path source = resolve(update.path());
        TextContent original = readForUpdate(source);
        String newText = ChunkApplier.apply(original, update.chunks(), source.toString());
        Optional<Path> destination = update.moveTo().map(this::resolve).filter(dest -> !dest.equals(source));
        if (destination.isEmpty()) {
            overlay.put(source, new Written(newText, original.hasByteOrderMark(), permissionsPlannedFor(source)));
            changes.add(new PlannedChange.Updated(update.path(), source, original.text(), newText));
            return;
        }
        Path dest = destination.get();
        Optional<Set<PosixFilePermission>> permissions = permissionsPlannedFor(source);
        textBeforeOverwrite(dest);
        ensureParents(dest);
        overlay.put(source, new Removed());
        overlay.put(dest, new Written(newText, original.hasByteOrderMark(), permissions));
        changes.add(new PlannedChange.Moved(update.moveTo().orElseThrow(), source, dest, original.text(), newText));
    }

    // ---- state lookups ----------------------------------------------------------------------------------------

    private TextContent readForUpdate(Path source) {
        String context = "Failed to read file to update " + source;
        return switch (overlay.get(source)) {
            case Written written -> TextContent.of(written.text(), written.byteOrderMark());
            case Removed _ -> throw new ApplyPatchException(context + ": No such file or directory");
            case null -> {
                DiskSnapshot disk = snapshot(source, context);
                yield switch (disk.kind()) {
                    case MISSING -> throw new ApplyPatchException(context + ": No such file or directory");
                    case DIRECTORY -> throw new ApplyPatchException(context + ": Is a directory");
                    case OTHER -> throw new ApplyPatchException(context + ": not a regular file");
                    case FILE -> {
                        try {
                            yield TextContent.decode(disk.bytes());
                        } catch (TextContent.NotTextException e) {
                            throw new ApplyPatchException(context + ": " + e.getMessage());
                        }
                    }
                };
            }
        };
    }

    /** Checks that a file may be written at {@code target}; returns the text it would overwrite, if any. */
    private Optional<String> textBeforeOverwrite(Path target) {
        String context = "Failed to write file " + target;
        return switch (overlay.get(target)) {
            case Written written -> Optional.of(written.text());
            case Removed _ -> Optional.empty();
            case null -> {
                DiskSnapshot disk = snapshot(target, context);
                yield switch (disk.kind()) {
                    case MISSING -> Optional.empty();
                    case DIRECTORY -> throw new ApplyPatchException(context + ": path is a directory");
                    case OTHER -> throw new ApplyPatchException(context + ": not a regular file");
                    case FILE -> decodeQuietly(disk);
                };
            }
        };
    }

    /** Every ancestor must be a directory or missing (then it is created), or a file this patch deletes. */
    private void ensureParents(Path target) {
        for (Path ancestor = target.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            DiskSnapshot.Kind kind = switch (overlay.get(ancestor)) {
                case Written _ -> DiskSnapshot.Kind.FILE;
                case Removed _ -> DiskSnapshot.Kind.MISSING;
                case null -> ancestorKind(ancestor, target);
            };
            switch (kind) {
                case DIRECTORY -> {
                    return;
                }
                case MISSING -> {
                    // created at commit time
                }
                case FILE, OTHER -> throw new ApplyPatchException("Failed to create parent directories for "
                        + target + ": " + ancestor + " is not a directory");
            }
        }
    }

    private DiskSnapshot.Kind ancestorKind(Path ancestor, Path target) {
        DiskSnapshot.Kind known = ancestorKinds.get(ancestor);
        if (known != null) {
            return known;
        }
        try {
            DiskSnapshot.Kind kind = DiskSnapshot.take(ancestor, DiskSnapshot.Content.SKIP).kind();
            ancestorKinds.put(ancestor, kind);
            return kind;
        } catch (IOException e) {
            throw new ApplyPatchException("Failed to create parent directories for " + target + ": "
                    + FileCommitter.describe(e), e);
        }
    }

    private Optional<Set<PosixFilePermission>> permissionsPlannedFor(Path source) {
        if (overlay.get(source) instanceof Written written) {
            return written.permissions();
        }
        DiskSnapshot disk = snapshots.get(source);
        return disk == null ? Optional.empty() : disk.permissions();
    }

    private DiskSnapshot snapshot(Path path, String context) {
        DiskSnapshot known = snapshots.get(path);
        if (known != null) {
            return known;
        }
        try {
            DiskSnapshot disk = DiskSnapshot.take(path, DiskSnapshot.Content.READ);
            snapshots.put(path, disk);
            return disk;
        } catch (IOException e) {
            throw new ApplyPatchException(context + ": " + FileCommitter.describe(e), e);
        }
    }

    private static Optional<String> decodeQuietly(DiskSnapshot disk) {
        try {
            return Optional.of(TextContent.decode(disk.bytes()).text());
        } catch (TextContent.NotTextException e) {
            return Optional.empty();
        }
    }

    // ---- result -----------------------------------------------------------------------------------------------

    private PatchPlan finish() {
        List<FileCommitter.Delete> deletes = new ArrayList<>();
        List<FileCommitter.Write> writes = new ArrayList<>();
        for (Map.Entry<Path, Planned> entry : overlay.entrySet()) {
            Path path = entry.getKey();
            DiskSnapshot before = snapshots.get(path);
            switch (entry.getValue()) {
                case Removed _ -> {
                    if (before != null && before.exists()) {
                        deletes.add(new FileCommitter.Delete(before));
                    }
                }
                case Written written -> {
                    byte[] bytes = TextContent.encode(written.text(), written.byteOrderMark());
                    Optional<Set<PosixFilePermission>> permissions = written.permissions()
                            .or(() -> before == null ? Optional.empty() : before.permissions());
                    boolean unchanged = before != null && before.kind() == DiskSnapshot.Kind.FILE
                            && Arrays.equals(before.bytes(), bytes) && permissions.equals(before.permissions());
                    if (!unchanged) {
                        writes.add(new FileCommitter.Write(path, bytes, permissions, Optional.ofNullable(before)));
                    }
                }
            }
        }
        return new PatchPlan(changes, new FileCommitter(deletes, writes, List.copyOf(snapshots.values())));
    }
}
