import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sqlite.util.OSInfo;

/**
 * Build step of the cli module (a single-file program run with the shaded jar on its class path; not part of the
 * jar): copies sqlite-jdbc's native library for this machine, chosen by sqlite-jdbc's own platform rules, next to
 * the jar. The launcher points {@code org.sqlite.lib.path} at it when it exists, so a run neither inflates the
 * library out of the jar into the temp directory nor spawns {@code uname} to pick it (sqlite-jdbc's default
 * start-up, ~60 ms of CPU per run). No library for this platform in the jar: nothing is written and sqlite-jdbc
 * keeps its default.
 *
 * <p>Usage: {@code java -cp codex.jar ExtractSqliteNative.java JAR OUTPUT_DIR}.
 */
public final class ExtractSqliteNative {
    static final String LIBRARY = "libsqlitejdbc.so";

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        String entryName = "org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + LIBRARY;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            Files.createDirectories(outDir);
            Path target = outDir.resolve(LIBRARY);
            if (entry == null) {
                Files.deleteIfExists(target);
                System.out.println("no " + entryName + " in " + jar.getFileName() + "; sqlite-jdbc keeps its default");
                return;
            }
            Path tmp = outDir.resolve(LIBRARY + ".tmp");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("sqlite native library: " + entryName + " -> " + target);
        }
    }
}
