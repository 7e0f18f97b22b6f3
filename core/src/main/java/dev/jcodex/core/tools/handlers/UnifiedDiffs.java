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

    /**
     * A git-style file diff between two versions (either may be null for add/delete), as {@code git diff} prints
     * it: {@code diff --git}, {@code new file mode}/{@code deleted file mode}, the {@code index} line with the blob
     * hashes, {@code ---}/{@code +++}, and hunks with 3 lines of context ({@code ,1} counts omitted).
     */
    public static String fileDiff(String path, String before, String after) {
        String from = before == null ? "/dev/null" : "a/" + path;
        String to = after == null ? "/dev/null" : "b/" + path;
        List<String> diff = unified(from, to, before == null ? "" : before, after == null ? "" : after, 3);
        if (diff.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("diff --git a/").append(path).append(" b/").append(path).append('\n');
        if (before == null) {
            sb.append("new file mode 100644\n");
        } else if (after == null) {
            sb.append("deleted file mode 100644\n");
        }
        sb.append("index ").append(blobId(before)).append("..").append(blobId(after)).append('\n');
        for (String line : diff) {
            sb.append(line.startsWith("@@") ? gitHunkHeader(line) : line).append('\n');
        }
        return sb.toString();
    }

    /** Git's blob id of {@code text} (SHA-1 of {@code "blob <len>\0" + bytes}); all zeros for a missing file. */
    static String blobId(String text) {
        if (text == null) {
            return "0".repeat(40);
        }
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    /** {@code @@ -0,0 +1,1 @@} → {@code @@ -0,0 +1 @@}, as git writes single-line ranges. */
    static String gitHunkHeader(String header) {
        return header.replaceAll("([-+]\\d+),1(?=[ ])", "$1");
    }

    private static List<String> unified(String from, String to, String before, String after, int context) {
        List<String> a = before.isEmpty() ? List.of() : before.lines().toList();
        List<String> b = after.isEmpty() ? List.of() : after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        return UnifiedDiffUtils.generateUnifiedDiff(from, to, a, patch, context);
    }
}
