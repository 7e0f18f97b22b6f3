package dev.jcodex.applypatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses patch text, leniently: surrounding whitespace, whitespace around markers and headers, a heredoc wrapper
 * ({@code <<'EOF'} ... {@code EOF}) or a Markdown code fence around the patch, blank lines between sections, blank
 * lines inside an added file's {@code +} lines, and unified-diff range headers ({@code @@ -1,3 +1,4 @@}) are all
 * accepted. Error messages follow the reference's wording.
 */
final class PatchParser {

    static final String BEGIN_PATCH = "*** Begin Patch";
    static final String END_PATCH = "*** End Patch";
    static final String ADD_FILE = "*** Add File:";
    static final String DELETE_FILE = "*** Delete File:";
    static final String UPDATE_FILE = "*** Update File:";
    static final String MOVE_TO = "*** Move to:";
    static final String END_OF_FILE = "*** End of File";

    private static final Pattern HEREDOC_OPENER =
            Pattern.compile("(?:(?:apply_patch|applypatch)\\s+)?<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Pattern UNIFIED_RANGE = Pattern.compile("-\\d+(?:,\\d+)? \\+\\d+(?:,\\d+)? @@.*");
    private static final String VALID_HEADERS = "Valid hunk headers: '*** Add File: {path}', "
            + "'*** Delete File: {path}', '*** Update File: {path}'";

    /** The lines between the Begin and End markers. */
    private final List<String> lines;
    private int index;

    private PatchParser(List<String> lines) {
        this.lines = lines;
    }

    static Patch parse(String patchText) {
        int end = Lines.contentEnd(patchText);
        List<String> all = Lines.split(patchText, end == 0 ? 0 : Lines.contentStart(patchText), end);
        List<String> framed = unwrap(all, 0);
        return new PatchParser(framed.subList(1, framed.size() - 1)).parseSections();
    }

    /** 1-based line number of inner line {@code i}, counting the Begin line as 1. */
    private static int lineNumber(int i) {
        return i + 2;
    }

    // ---- boundaries -------------------------------------------------------------------------------------------

    /** Returns the lines from Begin to End marker, unwrapping a heredoc or code fence around them. */
    private static List<String> unwrap(List<String> all, int depth) {
        PatchParseException strictError = boundaryError(all);
        if (strictError == null) {
            return all;
        }
        if (depth < 2 && all.size() >= 4) {
            String first = Lines.trim(all.getFirst());
            String last = Lines.trim(all.getLast());
            Matcher heredoc = HEREDOC_OPENER.matcher(first);
            boolean isHeredoc = heredoc.matches() && last.endsWith(heredoc.group(2));
            boolean isFence = first.startsWith("```") && last.equals("```");
            if (isHeredoc || isFence) {
                int from = 1;
                int to = all.size() - 1;
                while (from < to && Lines.isBlank(all.get(from))) {
                    from++;
                }
                while (to > from && Lines.isBlank(all.get(to - 1))) {
                    to--;
                }
                return unwrap(all.subList(from, to), depth + 1);
            }
        }
        throw strictError;
    }

    private static PatchParseException boundaryError(List<String> all) {
        if (all.isEmpty() || !Lines.trim(all.getFirst()).equals(BEGIN_PATCH)) {
            return PatchParseException.invalidPatch("The first line of the patch must be '*** Begin Patch'");
        }
        if (all.size() < 2 || !Lines.trim(all.getLast()).equals(END_PATCH)) {
            return PatchParseException.invalidPatch("The last line of the patch must be '*** End Patch'");
        }
        return null;
    }

    // ---- sections ---------------------------------------------------------------------------------------------

    private Patch parseSections() {
        List<FileChange> changes = new ArrayList<>();
        while (index < lines.size()) {
            if (Lines.isBlank(lines.get(index))) {
                index++;
                continue;
            }
            changes.add(parseSection());
        }
        return new Patch(changes);
    }

    private FileChange parseSection() {
        int headerIndex = index;
        String header = Lines.trim(lines.get(index));
        index++;
        if (header.startsWith(ADD_FILE)) {
            return new FileChange.AddFile(pathAfter(header, ADD_FILE, headerIndex), parseAddedLines());
        }
        if (header.startsWith(DELETE_FILE)) {
            return new FileChange.DeleteFile(pathAfter(header, DELETE_FILE, headerIndex));
        }
        if (header.startsWith(UPDATE_FILE)) {
            String path = pathAfter(header, UPDATE_FILE, headerIndex);
            Optional<String> moveTo = Optional.empty();
            if (index < lines.size() && Lines.trim(lines.get(index)).startsWith(MOVE_TO)) {
                moveTo = Optional.of(pathAfter(Lines.trim(lines.get(index)), MOVE_TO, index));
                index++;
            }
            List<UpdateChunk> chunks = parseChunks();
            if (chunks.isEmpty()) {
                throw PatchParseException.invalidHunk(lineNumber(headerIndex),
                        "Update file hunk for path '" + path + "' is empty");
            }
            return new FileChange.UpdateFile(path, moveTo, chunks);
        }
        throw PatchParseException.invalidHunk(lineNumber(headerIndex),
                "'" + header + "' is not a valid hunk header. " + VALID_HEADERS);
    }

    private static String pathAfter(String header, String marker, int headerIndex) {
        String path = Lines.trim(header.substring(marker.length()));
        if (path.isEmpty()) {
            throw PatchParseException.invalidHunk(lineNumber(headerIndex),
                    "'" + header + "' does not name a file. " + VALID_HEADERS);
        }
        return path;
    }

    /**
     * Consumes the {@code +} lines of an added file. Blank lines are taken as empty content lines when more
     * {@code +} lines follow them; otherwise they are left as separators.
     */
    private String parseAddedLines() {
        StringBuilder contents = new StringBuilder();
        while (index < lines.size()) {
            String line = lines.get(index);
            if (line.startsWith("+")) {
                contents.append(line, 1, line.length()).append('\n');
                index++;
                continue;
            }
            int next = index;
            while (next < lines.size() && Lines.isBlank(lines.get(next))) {
                next++;
            }
            if (next == index || next == lines.size() || !lines.get(next).startsWith("+")) {
                break;
            }
            contents.repeat('\n', next - index);
            index = next;
        }
        return contents.toString();
    }

    // ---- update chunks ----------------------------------------------------------------------------------------

    private List<UpdateChunk> parseChunks() {
        List<UpdateChunk> chunks = new ArrayList<>();
        while (index < lines.size()) {
            String line = lines.get(index);
            if (Lines.isBlank(line)) {
                index++;
                continue;
            }
            if (Lines.startsAfterWhitespace(line, "***")) {
                break;
            }
            chunks.add(parseChunk(chunks.isEmpty()));
        }
        return chunks;
    }

    private UpdateChunk parseChunk(boolean firstChunk) {
        List<String> contexts = new ArrayList<>();
        boolean sawHeader = false;
        while (index < lines.size() && isContextHeader(lines.get(index))) {
            contextText(lines.get(index)).ifPresent(contexts::add);
            sawHeader = true;
            index++;
        }
        if (!sawHeader && !firstChunk) {
            throw PatchParseException.invalidHunk(lineNumber(index),
                    "Expected update hunk to start with a @@ context marker, got: '" + lines.get(index) + "'");
        }
        if (index >= lines.size()) {
            throw PatchParseException.invalidHunk(lineNumber(index), "Update hunk does not contain any lines");
        }
        List<UpdateChunk.Line> diffLines = new ArrayList<>();
        UpdateChunk.Anchor anchor = UpdateChunk.Anchor.AFTER_PREVIOUS;
        while (index < lines.size()) {
            String line = lines.get(index);
            if (Lines.isFollowedOnlyByWhitespace(line, END_OF_FILE)) {
                if (diffLines.isEmpty()) {
                    throw PatchParseException.invalidHunk(lineNumber(index), "Update hunk does not contain any lines");
                }
                anchor = UpdateChunk.Anchor.END_OF_FILE;
                index++;
                break;
            }
            UpdateChunk.LineKind kind = line.isEmpty() ? UpdateChunk.LineKind.CONTEXT : switch (line.charAt(0)) {
                case ' ' -> UpdateChunk.LineKind.CONTEXT;
                case '-' -> UpdateChunk.LineKind.REMOVED;
                case '+' -> UpdateChunk.LineKind.ADDED;
                default -> null;
            };
            if (kind == null) {
                if (diffLines.isEmpty()) {
                    throw PatchParseException.invalidHunk(lineNumber(index),
                            "Unexpected line found in update hunk: '" + line + "'. Every line should start "
                                    + "with ' ' (context line), '+' (added line), or '-' (removed line)");
                }
                break;
            }
            diffLines.add(new UpdateChunk.Line(kind, line.isEmpty() ? "" : line.substring(1)));
            index++;
        }
        return new UpdateChunk(contexts, diffLines, anchor);
    }

    private static boolean isContextHeader(String line) {
        return line.startsWith("@@ ") || Lines.isFollowedOnlyByWhitespace(line, "@@");
    }

    /** The text of {@code @@ text}; empty for a bare {@code @@} or a unified-diff range header. */
    private static Optional<String> contextText(String header) {
        if (header.length() <= 3 || Lines.isBlank(header.substring(3))) {
            return Optional.empty();
        }
        String text = header.substring(3);
        boolean rangeHeader = text.startsWith("-") && UNIFIED_RANGE.matcher(text).matches();
        return rangeHeader ? Optional.empty() : Optional.of(text);
    }
}
