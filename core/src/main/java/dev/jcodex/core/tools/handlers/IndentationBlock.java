package dev.jcodex.core.tools.handlers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The indentation mode of {@code read_file}: starting at an anchor line, grows a window up and down while lines
 * stay at or deeper than a minimum indentation, so the model gets the enclosing code block instead of an arbitrary
 * line range.
 *
 * <p>Rules: tabs count as {@value #TAB_WIDTH} columns; a blank line takes the indentation of the previous non-blank
 * line; the minimum indentation is the anchor's minus {@code maxLevels × TAB_WIDTH} (0 when {@code maxLevels} is 0,
 * i.e. unlimited). Unless siblings are wanted, only one line at exactly the minimum indentation is taken above the
 * anchor (the block's header; comment lines there are also taken when headers are wanted) and one below (the block's
 * closing line). Blank lines at either end of the result are dropped.
 */
final class IndentationBlock {
    static final int TAB_WIDTH = 4;
    private static final List<String> COMMENT_PREFIXES = List.of("#", "//", "--");

    /** Options of one indentation read. */
    record Options(int maxLevels, boolean includeSiblings, boolean includeHeader) {}

    /** One line of the file. */
    record Line(int number, String raw, String display) {
        boolean blank() {
            return raw.isBlank();
        }

        boolean comment() {
            String t = raw.strip();
            return COMMENT_PREFIXES.stream().anyMatch(t::startsWith);
        }
    }

    private IndentationBlock() {}

    /**
     * Selects the block around {@code anchorIndex} (0-based) of {@code lines}, at most {@code maxLines} lines.
     *
     * @return the selected lines in file order
     */
    static List<Line> select(List<Line> lines, int anchorIndex, int maxLines, Options options) {
        int n = lines.size();
        int[] indents = effectiveIndents(lines);
        int anchorIndent = indents[anchorIndex];
        int minIndent = options.maxLevels() == 0 ? 0
                : Math.max(0, anchorIndent - options.maxLevels() * TAB_WIDTH);
        int limit = Math.min(maxLines, n);
        Deque<Line> out = new ArrayDeque<>();
        out.add(lines.get(anchorIndex));
        if (limit == 1) {
            return List.copyOf(out);
        }
        int up = anchorIndex - 1;
        int down = anchorIndex + 1;
        int headersTaken = 0;
        int closersTaken = 0;
        while (out.size() < limit) {
            int progressed = 0;
            if (up >= 0) {
                if (indents[up] >= minIndent) {
                    boolean take = true;
                    if (indents[up] == minIndent && !options.includeSiblings()) {
                        boolean headerComment = options.includeHeader() && lines.get(up).comment();
                        take = headerComment || headersTaken == 0;
                        if (take) {
                            headersTaken++;
                        }
                    }
                    if (take) {
                        out.addFirst(lines.get(up));
                        progressed++;
                        up--;
                    } else {
                        up = -1;
                    }
                    if (out.size() >= limit) {
                        break;
                    }
                } else {
                    up = -1;
                }
            }
            if (down < n) {
                if (indents[down] >= minIndent) {
                    boolean take = true;
                    if (indents[down] == minIndent && !options.includeSiblings()) {
                        take = closersTaken == 0;
                        closersTaken++;
                    }
                    if (take) {
                        out.addLast(lines.get(down));
                        progressed++;
                        down++;
                    } else {
                        down = n;
                    }
                } else {
                    down = n;
                }
            }
            if (progressed == 0) {
                break;
            }
        }
        while (!out.isEmpty() && out.peekFirst().blank()) {
            out.removeFirst();
        }
        while (!out.isEmpty() && out.peekLast().blank()) {
            out.removeLast();
        }
        return List.copyOf(out);
    }

    private static int[] effectiveIndents(List<Line> lines) {
        int[] indents = new int[lines.size()];
        int previous = 0;
        for (int i = 0; i < indents.length; i++) {
            Line line = lines.get(i);
            if (!line.blank()) {
                previous = measure(line.raw());
            }
            indents[i] = previous;
        }
        return indents;
    }

    private static int measure(String raw) {
        int width = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += TAB_WIDTH;
            } else {
                break;
            }
        }
        return width;
    }
}
