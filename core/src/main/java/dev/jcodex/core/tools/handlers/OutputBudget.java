package dev.jcodex.core.tools.handlers;

import dev.jcodex.common.Truncation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects output lines until the model-visible budget of one tool output is used up, so a line-oriented tool
 * can stop at a line boundary and tell the model how to continue instead of being middle-truncated later.
 * Sizes are UTF-8 bytes including the joining newline; a budget of zero or less means unlimited.
 */
final class OutputBudget {
    private final long maxBytes;
    private final List<String> lines = new ArrayList<>();
    private long used;

    private OutputBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A budget of {@code tokens} estimated tokens (4 bytes each, spec §4.5); {@code <= 0} is unlimited. */
    static OutputBudget ofTokens(int tokens) {
        return new OutputBudget(tokens <= 0 ? Long.MAX_VALUE : Truncation.approxBytesForTokens(tokens));
    }

    /**
     * Adds {@code line} if it fits, keeping {@code reserve} bytes free for a closing note.
     *
     * @return whether the line was added
     */
    boolean tryAdd(String line, int reserve) {
        long cost = Truncation.utf8Length(line) + (lines.isEmpty() ? 0 : 1);
        if (used + cost + reserve > maxBytes && !lines.isEmpty()) {
            return false;
        }
        lines.add(line);
        used += cost;
        return true;
    }

    /** Adds {@code line} regardless of the budget (headers and closing notes). */
    void add(String line) {
        used += Truncation.utf8Length(line) + (lines.isEmpty() ? 0 : 1);
        lines.add(line);
    }

    int size() {
        return lines.size();
    }

    String join() {
        return String.join("\n", lines);
    }
}
