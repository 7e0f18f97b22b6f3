package dev.jcodex.modelclient;

import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Reads and writes {@code $CODEX_HOME/auth.json}. Writes are atomic (temporary file in the same directory, then
 * rename) and the file is created with POSIX mode {@code 0600} before any secret is written to it.
 */
public final class AuthStore {
    /** The file name under CODEX_HOME. */
    public static final String FILE_NAME = "auth.json";

    private final Path codexHome;

    public AuthStore(Path codexHome) {
        this.codexHome = codexHome;
    }

    /** {@code $CODEX_HOME/auth.json}. */
    public Path file() {
        return codexHome.resolve(FILE_NAME);
    }

    /**
     * The stored credentials, or empty when the file does not exist.
     *
     * @throws ModelClientException.AuthFailed when the file cannot be read or parsed
     */
    public Optional<AuthDotJson> load() {
        try {
            String json = Files.readString(file(), StandardCharsets.UTF_8);
            return Optional.of(ProtocolJson.read(json, AuthDotJson.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new ModelClientException.AuthFailed("cannot read " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the stored credentials atomically (mode 0600 on POSIX file systems). */
    public void save(AuthDotJson auth) {
        Path target = file();
        Path tmp = null;
        try {
            Files.createDirectories(codexHome);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            tmp = posix
                    ? Files.createTempFile(codexHome, ".auth-", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(codexHome, ".auth-", ".tmp");
            String json = ProtocolJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(auth);
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new ModelClientException.AuthFailed("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file holds no more than the target would
                }
            }
        }
    }

    /** Deletes the file; returns whether there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new ModelClientException.AuthFailed("cannot delete " + file() + ": " + e.getMessage(), e);
        }
    }
}
