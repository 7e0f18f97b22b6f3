package dev.jcodex.applypatch;

import java.util.List;
import java.util.Objects;

/**
 * One edit inside an {@code *** Update File:} section.
 *
 * <p>Its lines are context ({@code ' '}), removed ({@code '-'}) and added ({@code '+'}) lines. The context and
 * removed lines ({@link #oldLines()}) must be found in the file; they are replaced by the context and added lines
 * ({@link #newLines()}). Each {@code @@ text} header before the lines is a context line that is searched for first,
 * in order, to narrow down where the chunk applies.
 *
 * @param contexts the texts of the {@code @@ text} headers, in order (empty for a bare {@code @@} or none)
 * @param lines    the diff lines, without their prefix character
 * @param anchor   where the old lines may be found
 */
public record UpdateChunk(List<String> contexts, List<Line> lines, Anchor anchor) {

    /** Where a chunk's old lines may match. */
    public enum Anchor {
        /** Anywhere after the previous chunk's match (the usual case). */
        AFTER_PREVIOUS,
        /** Only at the very end of the file: the chunk was followed by {@code *** End of File}. */
        END_OF_FILE
    }

    /** What a diff line does. */
    public enum LineKind {
        /** {@code ' '} (or an empty line): must be present, is kept. */
        CONTEXT,
        /** {@code '-'}: must be present, is removed. */
        REMOVED,
        /** {@code '+'}: is inserted. */
        ADDED
    }

    /**
     * One diff line.
     *
     * @param kind what the line does
     * @param text the line without its prefix character
     */
    public record Line(LineKind kind, String text) {
        /** Rejects nulls. */
        public Line {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Copies the lists; rejects nulls. */
    public UpdateChunk {
        contexts = List.copyOf(Objects.requireNonNull(contexts, "contexts"));
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(anchor, "anchor");
    }

    /** The context and removed lines, in order: what must be found in the file. */
    public List<String> oldLines() {
        return lines.stream().filter(line -> line.kind() != LineKind.ADDED).map(Line::text).toList();
    }

    /** The context and added lines, in order: what replaces the old lines. */
    public List<String> newLines() {
        return lines.stream().filter(line -> line.kind() != LineKind.REMOVED).map(Line::text).toList();
    }
}
