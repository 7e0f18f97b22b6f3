package dev.jcodex.applypatch;

import java.util.List;
import java.util.Objects;

/**
 * One edit inside an {@code *** Update File:} section.
 *
 * <p>{@code oldLines} are the context ({@code ' '}) and removed ({@code '-'}) lines that must be found in the file;
 * {@code newLines} are the context and added ({@code '+'}) lines that replace them. Each {@code @@ text} header
 * before the lines is a context line that is searched for first, in order, to narrow down where the chunk applies.
 *
 * @param contexts the texts of the {@code @@ text} headers, in order (empty for a bare {@code @@} or none)
 * @param oldLines the lines to find, without their diff prefix
 * @param newLines the replacement lines, without their diff prefix
 * @param anchor   where the old lines may be found
 */
public record UpdateChunk(List<String> contexts, List<String> oldLines, List<String> newLines, Anchor anchor) {

    /** Where a chunk's old lines may match. */
    public enum Anchor {
        /** Anywhere after the previous chunk's match (the usual case). */
        AFTER_PREVIOUS,
        /** Only at the very end of the file: the chunk was followed by {@code *** End of File}. */
        END_OF_FILE
    }

    /** Copies the lists; rejects nulls. */
    public UpdateChunk {
        contexts = List.copyOf(Objects.requireNonNull(contexts, "contexts"));
        oldLines = List.copyOf(Objects.requireNonNull(oldLines, "oldLines"));
        newLines = List.copyOf(Objects.requireNonNull(newLines, "newLines"));
        Objects.requireNonNull(anchor, "anchor");
    }
}
