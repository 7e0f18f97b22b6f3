package dev.jcodex.applypatch;

import java.util.List;
import java.util.Objects;

/**
 * A parsed patch: the file sections in the order they appear in the patch text.
 *
 * @param changes the file sections, in patch order (may be empty; planning an empty patch fails with
 *                {@code "No files were modified."})
 */
public record Patch(List<FileChange> changes) {

    /** Copies the list; no element may be null. */
    public Patch {
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }
}
