package dev.jcodex.applypatch;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a plan to disk: first checks that no planned-against path changed since planning, then removes files,
 * then writes each new content to a temporary file in the target's directory and renames it over the target
 * atomically, keeping the original permissions. If an I/O step fails, what was already done is undone (files put
 * back from the in-memory snapshot, created files and directories removed) before the failure is reported.
 */
final class FileCommitter {

    private static final System.Logger LOG = System.getLogger(FileCommitter.class.getName());

    /** Remove the file at {@code before.path()}. */
    record Delete(DiskSnapshot before) {
    }

    /** Write {@code bytes} at {@code path}; {@code before} is the path's state at planning time, if it was read. */
    record Write(Path path, byte[] bytes, Optional<Set<PosixFilePermission>> permissions,
                 Optional<DiskSnapshot> before) {
    }

    private interface Undo {
        void run() throws IOException;
    }

    private final List<Delete> deletes;
    private final List<Write> writes;
    private final List<DiskSnapshot> checks;

    FileCommitter(List<Delete> deletes, List<Write> writes, List<DiskSnapshot> checks) {
        this.deletes = List.copyOf(deletes);
        this.writes = List.copyOf(writes);
        this.checks = List.copyOf(checks);
    }

    void commit() {
        for (DiskSnapshot check : checks) {
            boolean unchanged;
            try {
                unchanged = check.isUnchanged();
            } catch (IOException e) {
                unchanged = false;
            }
            if (!unchanged) {
                throw new ApplyPatchException(check.path()
                        + " changed on disk after the patch was checked; no files were modified");
            }
        }
        Deque<Undo> undo = new ArrayDeque<>();
        String step = "";
        try {
            for (Delete delete : deletes) {
                step = "Failed to delete file " + delete.before().path();
                Files.delete(delete.before().path());
                undo.push(() -> restore(delete.before(), delete.before().path()));
            }
            for (Write write : writes) {
                step = "Failed to create parent directories for " + write.path();
                createParents(write.path(), undo);
                step = "Failed to write file " + write.path();
                writeOne(write, undo);
            }
        } catch (IOException e) {
            List<String> notRestored = rollBack(undo);
            String message = step + ": " + describe(e) + (notRestored.isEmpty()
                    ? "; no files were modified"
                    : "; rolling back the files already changed failed for: " + String.join(", ", notRestored));
            throw new ApplyPatchException(message, e);
        }
    }

    private static void writeOne(Write write, Deque<Undo> undo) throws IOException {
        Optional<DiskSnapshot> before = write.before();
        Path target = write.path();
        if (before.isPresent() && before.get().linkTarget().isPresent() && Files.exists(target)) {
            target = target.toRealPath();
        }
        replaceAtomically(target, write.bytes(), write.permissions());
        Path written = target;
        if (before.isPresent() && before.get().kind() == DiskSnapshot.Kind.FILE) {
            undo.push(() -> replaceAtomically(written, before.get().bytes(), before.get().permissions()));
        } else {
            undo.push(() -> Files.deleteIfExists(written));
        }
    }

    /** Writes a sibling temporary file and renames it over {@code target}. */
    static void replaceAtomically(Path target, byte[] bytes, Optional<Set<PosixFilePermission>> permissions)
            throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".apply-patch-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // CREATE_NEW (not createTempFile) so a new file gets the default permissions of the umask.
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (permissions.isPresent()) {
                Files.setPosixFilePermissions(temp, permissions.get());
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    private static void restore(DiskSnapshot before, Path path) throws IOException {
        if (before.linkTarget().isPresent()) {
            Files.createSymbolicLink(path, before.linkTarget().get());
        } else {
            replaceAtomically(path, before.bytes(), before.permissions());
        }
    }

    /** Creates missing parent directories one by one, so that each created one can be removed again. */
    private static void createParents(Path file, Deque<Undo> undo) throws IOException {
        Path parent = file.getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path dir = parent; dir != null && !Files.isDirectory(dir); dir = dir.getParent()) {
            missing.add(dir);
        }
        for (Path dir : missing.reversed()) {
            Files.createDirectory(dir);
            undo.push(() -> Files.deleteIfExists(dir));
        }
    }

    /** Runs the undo steps, newest first; returns what could not be restored. */
    private static List<String> rollBack(Deque<Undo> undo) {
        List<String> failures = new ArrayList<>();
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "apply_patch rollback step failed", e);
                failures.add(describe(e));
            }
        }
        return failures;
    }

    /** A short, model-readable reason for an I/O failure. */
    static String describe(Exception e) {
        String reason = switch (e) {
            case NoSuchFileException _ -> "No such file or directory";
            case AccessDeniedException _ -> "Permission denied";
            case FileAlreadyExistsException _ -> "File exists";
            case DirectoryNotEmptyException _ -> "Directory not empty";
            case NotDirectoryException _ -> "Not a directory";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        if (e instanceof FileSystemException f && f.getFile() != null && !(e instanceof NoSuchFileException)) {
            return reason + " (" + f.getFile() + ")";
        }
        return reason;
    }
}
