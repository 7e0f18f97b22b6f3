package dev.jcodex.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * A fresh, empty CODEX_HOME in the system temp directory, deleted (recursively) on {@link #close()}.
 *
 * <pre>{@code
 * try (TempCodexHome home = TempCodexHome.create()) {
 *     home.writeConfig("model = \"gpt-5.5\"\n");
 *     run(home.env());            // {"CODEX_HOME": "/tmp/jcodex-home-…"}
 * }
 * }</pre>
 */
public final class TempCodexHome implements AutoCloseable {
    private final Path path;

    private TempCodexHome(Path path) {
        this.path = path;
    }

    /** Creates a new empty directory {@code jcodex-home-*} under {@code java.io.tmpdir}. */
    public static TempCodexHome create() {
        try {
            return new TempCodexHome(Files.createTempDirectory("jcodex-home-").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary CODEX_HOME", e);
        }
    }

    /** The directory. */
    public Path path() {
        return path;
    }

    /** {@code path().resolve(relative)}. */
    public Path resolve(String relative) {
        return path.resolve(relative);
    }

    /** {@code CODEX_HOME} → this directory, for building a child environment. */
    public Map<String, String> env() {
        return Map.of("CODEX_HOME", path.toString());
    }

    /** Writes {@code config.toml}. */
    public Path writeConfig(String toml) {
        return writeFile("config.toml", toml);
    }

    /** Writes a UTF-8 file (parents created), replacing any previous content. */
    public Path writeFile(String relative, String content) {
        Path file = path.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a UTF-8 file under this directory. */
    public String readFile(String relative) {
        try {
            return Files.readString(path.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /** Deletes the directory and everything under it (symbolic links are removed, never followed). */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
