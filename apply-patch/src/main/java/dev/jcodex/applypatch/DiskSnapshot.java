package dev.jcodex.applypatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a path held on disk when the patch was planned: enough to check at commit time that nothing changed in
 * between, to keep permissions, and to put the file back if the commit has to be rolled back.
 *
 * @param path        the absolute path
 * @param kind        what is there (following symbolic links)
 * @param bytes       the file's bytes, read only for {@link Kind#FILE} when the content is needed, else empty
 * @param modified    last-modified time when the path was looked at ({@code null} when missing)
 * @param size        size in bytes ({@code -1} when missing)
 * @param permissions POSIX permissions, where the file system has them
 * @param linkTarget  the target when the path itself is a symbolic link
 */
record DiskSnapshot(Path path, Kind kind, byte[] bytes, FileTime modified, long size,
                    Optional<Set<PosixFilePermission>> permissions, Optional<Path> linkTarget) {

    enum Kind { MISSING, DIRECTORY, FILE, OTHER }

    /** Looks at a path; reads the bytes of a regular file when {@code readContent} asks for it. */
    static DiskSnapshot take(Path path, Content readContent) throws IOException {
        Optional<Path> linkTarget = Files.isSymbolicLink(path)
                ? Optional.of(Files.readSymbolicLink(path)) : Optional.empty();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new DiskSnapshot(path, Kind.MISSING, new byte[0], null, -1, Optional.empty(), linkTarget);
        }
        Kind kind = attributes.isDirectory() ? Kind.DIRECTORY : attributes.isRegularFile() ? Kind.FILE : Kind.OTHER;
        byte[] bytes = kind == Kind.FILE && readContent == Content.READ ? Files.readAllBytes(path) : new byte[0];
        return new DiskSnapshot(path, kind, bytes, attributes.lastModifiedTime(), attributes.size(),
                permissionsOf(path), linkTarget);
    }

    /** Whether {@link #take} reads a regular file's bytes. */
    enum Content { READ, SKIP }

    static Optional<Set<PosixFilePermission>> permissionsOf(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(view.readAttributes().permissions());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    boolean exists() {
        return kind != Kind.MISSING || linkTarget.isPresent();
    }

    /** Whether the path still looks as it did (same kind, size and modification time). */
    boolean isUnchanged() throws IOException {
        DiskSnapshot now = take(path, Content.SKIP);
        return now.kind == kind && now.size == size && Objects.equals(now.modified, modified)
                && now.linkTarget.equals(linkTarget);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiskSnapshot that && path.equals(that.path) && kind == that.kind
                && Arrays.equals(bytes, that.bytes) && Objects.equals(modified, that.modified)
                && size == that.size && permissions.equals(that.permissions) && linkTarget.equals(that.linkTarget);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return "DiskSnapshot[" + path + ", " + kind + ", " + size + " bytes]";
    }
}
