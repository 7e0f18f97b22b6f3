package dev.jcodex.core.tools.handlers;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/** Unified diffs of text changes (for file-change items and the turn diff). */
public final class UnifiedDiffs {
    private UnifiedDiffs() {}

    /** Only the {@code @@} hunks, with 1 line of context, each line ending in a newline. */
    public static String hunks(String before, String after) {
        List<String> diff = unified("a", "b", before, after, 1);
        StringBuilder sb = new StringBuilder();
        for (String line : diff) {
            if (line.startsWith("---") || line.startsWith("+++")) {
                continue;
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** A full git-style file diff between two versions (either may be null for add/delete). */
    public static String fileDiff(String path, String before, String after) {
        String from = before == null ? "/dev/null" : "a/" + path;
        String to = after == null ? "/dev/null" : "b/" + path;
        List<String> diff = unified(from, to, before == null ? "" : before, after == null ? "" : after, 3);
        if (diff.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("diff --git a/").append(path).append(" b/").append(path).append('\n');
        for (String line : diff) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static List<String> unified(String from, String to, String before, String after, int context) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        return UnifiedDiffUtils.generateUnifiedDiff(from, to, a, patch, context);
    }
}
