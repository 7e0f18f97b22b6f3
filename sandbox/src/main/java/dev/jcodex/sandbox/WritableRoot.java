package dev.jcodex.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A directory tree that sandboxed commands may write, minus the paths beneath it that stay read-only.
 *
 * @param root             canonical absolute path of the writable tree
 * @param readOnlySubpaths absolute paths beneath {@code root} that stay read-only ({@code .git}, its resolved
 *                         git dir, {@code .agents}, {@code .codex}); they need not exist — a missing
 *                         {@code .codex} in the working directory is listed so that creating it is refused
 */
public record WritableRoot(Path root, List<Path> readOnlySubpaths) {

    public WritableRoot {
        Objects.requireNonNull(root, "root");
        readOnlySubpaths = List.copyOf(readOnlySubpaths);
    }

    /**
     * Whether the policy lets a command write {@code path} (an absolute, normalised path; symlinks are not
     * resolved here — resolve them first when that matters).
     */
    public boolean canWrite(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            return false;
        }
        for (Path readOnly : readOnlySubpaths) {
            if (p.startsWith(readOnly)) {
                return false;
            }
        }
        return true;
    }
}
