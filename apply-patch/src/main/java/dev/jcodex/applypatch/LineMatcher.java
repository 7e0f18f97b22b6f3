package dev.jcodex.applypatch;

/**
 * Finds a run of pattern lines in a file's lines ({@code seek_sequence} in the reference).
 *
 * <p>Four passes, each over every candidate position from the cursor on, stricter passes first so that an exact
 * match further down wins over a loose match nearby: exact; ignoring trailing whitespace; ignoring leading and
 * trailing whitespace; and the latter with typographic punctuation folded ({@link Lines#fold}). Comparisons work
 * on string regions, so a search allocates nothing and costs O(positions × matched prefix).
 */
final class LineMatcher {

    /** How strictly two lines are compared; passes run in declaration order. */
    enum Pass {
        EXACT, IGNORE_TRAILING_WHITESPACE, IGNORE_SURROUNDING_WHITESPACE, FOLD_PUNCTUATION
    }

    /** A match position and the pass that found it. */
    record Match(int index, Pass pass) {
    }

    private LineMatcher() {
    }

    /**
     * Finds {@code pattern} in {@code lines} starting at or after {@code cursor}.
     *
     * @param endOfFile only the position where the pattern ends at the last line is tried (if it is not before the
     *                  cursor)
     * @return the match, or {@code null} when there is none; an empty pattern matches at the cursor
     */
    static Match find(String[] lines, String[] pattern, int cursor, UpdateChunk.Anchor anchor) {
        if (pattern.length == 0) {
            return new Match(cursor, Pass.EXACT);
        }
        int last = lines.length - pattern.length;
        if (last < 0) {
            return null;
        }
        int first = cursor;
        if (anchor == UpdateChunk.Anchor.END_OF_FILE) {
            first = last;
            if (last < cursor) {
                return null;
            }
        }
        for (Pass pass : Pass.values()) {
            for (int i = first; i <= last; i++) {
                if (matchesAt(lines, pattern, i, pass)) {
                    return new Match(i, pass);
                }
            }
        }
        return null;
    }

    private static boolean matchesAt(String[] lines, String[] pattern, int at, Pass pass) {
        for (int j = 0; j < pattern.length; j++) {
            if (!same(lines[at + j], pattern[j], pass)) {
                return false;
            }
        }
        return true;
    }

    static boolean same(String line, String wanted, Pass pass) {
        return switch (pass) {
            case EXACT -> line.equals(wanted);
            case IGNORE_TRAILING_WHITESPACE -> {
                int end = Lines.contentEnd(line);
                yield end == Lines.contentEnd(wanted) && line.regionMatches(0, wanted, 0, end);
            }
            case IGNORE_SURROUNDING_WHITESPACE -> {
                int end = Lines.contentEnd(line);
                int wantedEnd = Lines.contentEnd(wanted);
                int start = contentStart(line, end);
                int wantedStart = contentStart(wanted, wantedEnd);
                int length = end - start;
                yield length == wantedEnd - wantedStart && line.regionMatches(start, wanted, wantedStart, length);
            }
            case FOLD_PUNCTUATION -> sameFolded(line, wanted);
        };
    }

    /** First non-whitespace index, or 0 for a blank line (whose content end is 0). */
    private static int contentStart(String s, int contentEnd) {
        return contentEnd == 0 ? 0 : Lines.contentStart(s);
    }

    private static boolean sameFolded(String line, String wanted) {
        int end = Lines.contentEnd(line);
        int wantedEnd = Lines.contentEnd(wanted);
        int start = contentStart(line, end);
        int wantedStart = contentStart(wanted, wantedEnd);
        if (end - start != wantedEnd - wantedStart) {
            return false;
        }
        for (int i = start, k = wantedStart; i < end; i++, k++) {
            char a = line.charAt(i);
            char b = wanted.charAt(k);
            if (a != b && Lines.fold(a) != Lines.fold(b)) {
                return false;
            }
        }
        return true;
    }
}
