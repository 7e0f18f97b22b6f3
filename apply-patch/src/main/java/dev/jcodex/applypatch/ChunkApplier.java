package dev.jcodex.applypatch;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Applies an update section's chunks to a file's text, in memory.
 *
 * <p>A cursor moves down the file: each {@code @@ context} header is searched from the cursor and moves it past
 * the context line; the chunk's old lines are then searched from the cursor (only at the end of the file for an
 * {@code *** End of File} chunk) and the cursor moves past the match. If the old lines end with an empty line and
 * are not found, they are retried without it. A chunk without old lines inserts its new lines right after its
 * last context header, or at the end of the file when it has none.
 *
 * <p>The result is rendered front to back: untouched and context lines are copied from the original text with their
 * own line terminators; inserted lines get the file's dominant terminator. A missing final newline is kept when the
 * file's last line is kept (untouched or as context) at the end; otherwise the result ends with a newline.
 */
final class ChunkApplier {

    private static final System.Logger LOG = System.getLogger(ChunkApplier.class.getName());

    /** Lines {@code [start, start + oldLength)} are replaced according to {@code lines}. */
    private record Replacement(int start, int oldLength, List<UpdateChunk.Line> lines) {
    }

    private ChunkApplier() {
    }

    /**
     * Returns the new text.
     *
     * @param displayPath how the file is named in error messages
     * @throws ApplyPatchException when a context header or a chunk's old lines cannot be found
     */
    static String apply(TextContent original, List<UpdateChunk> chunks, String displayPath) {
        return render(original, replacements(original.lines(), chunks, displayPath));
    }

    private static List<Replacement> replacements(String[] lines, List<UpdateChunk> chunks, String displayPath) {
        List<Replacement> replacements = new ArrayList<>(chunks.size());
        int cursor = 0;
        for (UpdateChunk chunk : chunks) {
            for (String context : chunk.contexts()) {
                LineMatcher.Match match = LineMatcher.find(lines, new String[] {context}, cursor,
                        UpdateChunk.Anchor.AFTER_PREVIOUS);
                if (match == null) {
                    throw new ApplyPatchException("Failed to find context '" + context + "' in " + displayPath);
                }
                logLooseMatch(match, displayPath);
                cursor = match.index() + 1;
            }
            List<String> oldLines = chunk.oldLines();
            if (oldLines.isEmpty()) {
                int at = chunk.contexts().isEmpty() ? endInsertionPoint(lines) : cursor;
                replacements.add(new Replacement(Math.max(at, cursor), 0, chunk.lines()));
                continue;
            }
            List<UpdateChunk.Line> diffLines = chunk.lines();
            String[] pattern = oldLines.toArray(String[]::new);
            LineMatcher.Match match = LineMatcher.find(lines, pattern, cursor, chunk.anchor());
            if (match == null && pattern[pattern.length - 1].isEmpty()) {
                pattern = Arrays.copyOf(pattern, pattern.length - 1);
                diffLines = withoutTrailingEmptyLine(diffLines);
                match = LineMatcher.find(lines, pattern, cursor, chunk.anchor());
            }
            if (match == null) {
                throw new ApplyPatchException("Failed to find expected lines in " + displayPath + ":\n"
                        + String.join("\n", oldLines));
            }
            logLooseMatch(match, displayPath);
            replacements.add(new Replacement(match.index(), pattern.length, diffLines));
            cursor = match.index() + pattern.length;
        }
        // Starts never decrease, except that an end-of-file insertion may precede a later chunk's match.
        replacements.sort(Comparator.comparingInt(Replacement::start));
        return replacements;
    }

    /**
     * The reference's retry: drop the last old line (which is empty), and drop the last new line too if it is
     * empty. An empty context line that is last among the old lines but followed by added lines stays as an
     * added line.
     */
    private static List<UpdateChunk.Line> withoutTrailingEmptyLine(List<UpdateChunk.Line> diffLines) {
        List<UpdateChunk.Line> result = new ArrayList<>(diffLines);
        for (int i = result.size() - 1; i >= 0; i--) {
            UpdateChunk.Line line = result.get(i);
            if (line.kind() == UpdateChunk.LineKind.REMOVED) {
                result.remove(i);
                break;
            }
            if (line.kind() == UpdateChunk.LineKind.CONTEXT) {
                result.set(i, new UpdateChunk.Line(UpdateChunk.LineKind.ADDED, line.text()));
                break;
            }
        }
        for (int i = result.size() - 1; i >= 0; i--) {
            if (result.get(i).kind() == UpdateChunk.LineKind.ADDED) {
                if (result.get(i).text().isEmpty()) {
                    result.remove(i);
                }
                break;
            }
        }
        return result;
    }

    /** End of file, but before a final empty line if there is one (as the reference does). */
    private static int endInsertionPoint(String[] lines) {
        int n = lines.length;
        return n > 0 && lines[n - 1].isEmpty() ? n - 1 : n;
    }

    /**
     * Context lines are copied from the file, not from the patch, so that a loose match (whitespace, punctuation)
     * does not rewrite lines the patch did not mean to change.
     */
    private static String render(TextContent original, List<Replacement> replacements) {
        int lineCount = original.lineCount();
        String eol = original.eol();
        StringBuilder out = new StringBuilder(original.text().length() + 256);
        int position = 0;
        boolean endsWithLastOriginalLine = false;
        for (Replacement replacement : replacements) {
            if (replacement.start() > position) {
                original.appendOriginal(out, position, replacement.start());
                endsWithLastOriginalLine = replacement.start() == lineCount;
            }
            int oldIndex = replacement.start();
            for (UpdateChunk.Line line : replacement.lines()) {
                switch (line.kind()) {
                    case CONTEXT -> {
                        terminateLastLine(out, eol);
                        original.appendOriginal(out, oldIndex, oldIndex + 1);
                        endsWithLastOriginalLine = oldIndex == lineCount - 1;
                        oldIndex++;
                    }
                    case REMOVED -> oldIndex++;
                    case ADDED -> {
                        terminateLastLine(out, eol);
                        out.append(line.text()).append(eol);
                        endsWithLastOriginalLine = false;
                    }
                }
            }
            position = Math.max(position, replacement.start() + replacement.oldLength());
        }
        if (position < lineCount) {
            original.appendOriginal(out, position, lineCount);
            endsWithLastOriginalLine = true;
        }
        if (!endsWithLastOriginalLine) {
            terminateLastLine(out, eol);
        }
        return out.toString();
    }

    /** Ends the text with a line terminator if it is non-empty and does not already end with one. */
    private static void terminateLastLine(StringBuilder out, String eol) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append(eol);
        }
    }

    private static void logLooseMatch(LineMatcher.Match match, String displayPath) {
        if (match.pass() != LineMatcher.Pass.EXACT) {
            LOG.log(Level.DEBUG, "apply_patch matched lines in {0} at line {1} with pass {2}", displayPath,
                    match.index() + 1, match.pass());
        }
    }
}
