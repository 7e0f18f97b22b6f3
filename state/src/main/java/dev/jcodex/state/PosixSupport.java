package dev.jcodex.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Owner-only file modes where the file system supports POSIX permissions. */
final class PosixSupport {
    static final boolean AVAILABLE = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    static final Set<PosixFilePermission> FILE_0600 = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_0700 = PosixFilePermissions.fromString("rwx------");

    private PosixSupport() {}

    /** Opens (creating with mode 0600 if absent) and re-enforces 0600 on an existing file. */
    static FileChannel openPrivate(Path file, Set<? extends OpenOption> options) throws IOException {
        FileChannel ch = AVAILABLE
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(FILE_0600))
                : FileChannel.open(file, options, new FileAttribute<?>[0]);
        try {
            enforcePrivate(file);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return ch;
    }

    /** Sets mode 0600 on a regular file that has any other mode (devices and pipes are left alone). */
    static void enforcePrivate(Path file) throws IOException {
        if (AVAILABLE && Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(FILE_0600)) {
            Files.setPosixFilePermissions(file, FILE_0600);
        }
    }
}
