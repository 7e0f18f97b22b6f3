package dev.jcodex.applypatch;

import java.util.List;
import java.util.Objects;

/**
 * What a committed patch changed.
 *
 * @param added    paths of added files, as written in the patch, in patch order
 * @param modified paths of updated files (the destination for moves), as written, in patch order
 * @param deleted  paths of deleted files, as written, in patch order
 * @param changes  every section's planned change, in patch order
 */
public record ApplyResult(List<String> added, List<String> modified, List<String> deleted,
                          List<PlannedChange> changes) {

    /** Copies the lists; rejects nulls. */
    public ApplyResult {
        added = List.copyOf(Objects.requireNonNull(added, "added"));
        modified = List.copyOf(Objects.requireNonNull(modified, "modified"));
        deleted = List.copyOf(Objects.requireNonNull(deleted, "deleted"));
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }

    /**
     * The reference's success text, which is what the model sees: {@code "Success. Updated the following files:\n"}
     * then {@code "A path\n"} for each added file, {@code "M path\n"} for each modified one and {@code "D path\n"}
     * for each deleted one, in that order.
     */
    public String summary() {
        return summaryOf(added, modified, deleted);
    }

    static String summaryOf(List<String> added, List<String> modified, List<String> deleted) {
        StringBuilder out = new StringBuilder("Success. Updated the following files:\n");
        added.forEach(path -> out.append("A ").append(path).append('\n'));
        modified.forEach(path -> out.append("M ").append(path).append('\n'));
        deleted.forEach(path -> out.append("D ").append(path).append('\n'));
        return out.toString();
    }
}
