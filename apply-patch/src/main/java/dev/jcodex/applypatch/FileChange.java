package dev.jcodex.applypatch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file section of a patch. Paths are kept exactly as written in the patch (after trimming); they are resolved
 * against a working directory only when the patch is planned.
 */
public sealed interface FileChange {

    /** The path as written after the {@code *** ... File: } marker. */
    String path();

    /**
     * {@code *** Add File: path} followed by {@code +} lines: create the file, or overwrite it if it exists.
     *
     * @param path     the path as written
     * @param contents the new content; every {@code +} line contributes its text and a {@code \n}
     */
    record AddFile(String path, String contents) implements FileChange {
        /** Rejects nulls. */
        public AddFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(contents, "contents");
        }
    }

    /**
     * {@code *** Delete File: path}: remove an existing file.
     *
     * @param path the path as written
     */
    record DeleteFile(String path) implements FileChange {
        /** Rejects nulls. */
        public DeleteFile {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * {@code *** Update File: path}, an optional {@code *** Move to: dest}, then one or more chunks.
     *
     * @param path   the path as written
     * @param moveTo the destination as written, when the file is also renamed
     * @param chunks the edits, in file order (never empty when produced by the parser)
     */
    record UpdateFile(String path, Optional<String> moveTo, List<UpdateChunk> chunks) implements FileChange {
        /** Copies the chunk list; rejects nulls. */
        public UpdateFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(moveTo, "moveTo");
            chunks = List.copyOf(Objects.requireNonNull(chunks, "chunks"));
        }
    }
}
