package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code list_dir} (spec §4.9): lists a directory tree breadth-first down to {@code depth} levels and returns a page
 * of it: {@code Absolute path: <dir>}, then one line per entry indented two spaces per level, with {@code /} after
 * directories, {@code @} after symlinks (never followed) and {@code ?} after other special files. Entries are sorted
 * by relative path compared name by name, so every entry follows its parent directory. Names are cut to 500 bytes.
 * {@code More than <n> entries found} closes a page that does not reach the end. Subdirectories that cannot be read
 * are listed but not descended into. Read-only.
 */
public final class ListDirHandler implements ToolHandler {
    static final int MAX_NAME_BYTES = 500;
    static final int DEFAULT_LIMIT = 25;
    static final int DEFAULT_DEPTH = 2;
    /** Walking stops after this many entries so a deep listing of a huge tree stays bounded. */
    static final int MAX_COLLECTED = 50_000;
    private static final int NOTE_RESERVE = 200;

    private static final JsonNode SPEC = buildSpec();

    /** Creates the handler; it keeps no state between calls. */
    public ListDirHandler() {}

    @Override
    public String name() {
        return "list_dir";
    }

    @Override
    public JsonNode spec() {
        return SPEC;
    }

    @Override
    public boolean mutating(ToolInvocation invocation) {
        return false;
    }

    private enum Kind { DIRECTORY, FILE, SYMLINK, OTHER }

    private record Entry(List<String> relative, Kind kind) {
        String line() {
            String name = LineReader.capBytes(relative.getLast(), MAX_NAME_BYTES);
            String suffix = switch (kind) {
                case DIRECTORY -> "/";
                case SYMLINK -> "@";
                case OTHER -> "?";
                case FILE -> "";
            };
            return "  ".repeat(relative.size() - 1) + name + suffix;
        }
    }

    private static final Comparator<Entry> BY_PATH = (a, b) -> {
        int n = Math.min(a.relative().size(), b.relative().size());
        for (int i = 0; i < n; i++) {
            int c = a.relative().get(i).compareTo(b.relative().get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.relative().size(), b.relative().size());
    };

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        JsonNode args = Args.parse(inv.functionArguments(), name());
        String dirPath = Args.requiredString(args, "dir_path", name());
        long offset = orDefault(Args.optionalLong(args, "offset", name()), 1);
        long limit = orDefault(Args.optionalLong(args, "limit", name()), DEFAULT_LIMIT);
        long depth = orDefault(Args.optionalLong(args, "depth", name()), DEFAULT_DEPTH);
        if (offset < 1) {
            return ToolResult.failure("offset must be a 1-indexed entry number (got " + offset + ")");
        }
        if (limit < 1) {
            return ToolResult.failure("limit must be greater than zero (got " + limit + ")");
        }
        if (depth < 1) {
            return ToolResult.failure("depth must be greater than zero (got " + depth + ")");
        }
        Path dir = Path.of(dirPath);
        if (!dir.isAbsolute()) {
            return ToolResult.failure("dir_path must be an absolute path, got `" + dirPath + "`; relative to the "
                    + "working directory that is `" + inv.turn().cwd().resolve(dir).normalize() + "`");
        }
        List<Entry> entries = new ArrayList<>();
        boolean capped;
        try {
            capped = collect(dir, (int) Math.min(depth, Integer.MAX_VALUE), entries);
        } catch (NoSuchFileException e) {
            return ToolResult.failure("failed to read directory `" + dir + "`: no such file or directory. Check the "
                    + "path, or list its parent directory");
        } catch (NotDirectoryException e) {
            return ToolResult.failure("`" + dir + "` is not a directory; use read_file to read a file");
        } catch (AccessDeniedException e) {
            return ToolResult.failure("failed to read directory `" + dir + "`: permission denied");
        } catch (IOException e) {
            return ToolResult.failure("failed to read directory `" + dir + "`: " + e.getMessage());
        }
        OutputBudget out = OutputBudget.ofTokens(inv.turn().outputTokenBudget());
        out.add("Absolute path: " + dirPath);
        if (entries.isEmpty()) {
            return ToolResult.ok(out.join());
        }
        entries.sort(BY_PATH);
        if (offset > entries.size()) {
            return ToolResult.failure("offset exceeds directory entry count: offset " + offset + " but the listing "
                    + "has " + entries.size() + " entries");
        }
        int start = (int) offset - 1;
        int end = (int) Math.min(entries.size(), start + limit);
        for (int i = start; i < end; i++) {
            if (!out.tryAdd(entries.get(i).line(), NOTE_RESERVE)) {
                out.add("More than " + (i - start) + " entries found; the output budget is full, call list_dir "
                        + "again with offset=" + (i + 1) + " to continue");
                return ToolResult.ok(out.join());
            }
        }
        if (end < entries.size() || capped) {
            out.add("More than " + (end - start) + " entries found");
        }
        return ToolResult.ok(out.join());
    }

    /** Breadth-first walk; returns whether it stopped at {@link #MAX_COLLECTED}. */
    private static boolean collect(Path root, int depth, List<Entry> into) throws IOException, InterruptedException {
        record Pending(Path dir, List<String> prefix, int remaining) {}
        if (!Files.isDirectory(root) && Files.exists(root)) {
            throw new NotDirectoryException(root.toString());
        }
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(root, List.of(), depth));
        boolean first = true;
        while (!queue.isEmpty()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("list_dir interrupted");
            }
            Pending p = queue.poll();
            List<Entry> level = new ArrayList<>();
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(p.dir())) {
                for (Path child : stream) {
                    List<String> rel = new ArrayList<>(p.prefix());
                    rel.add(child.getFileName().toString());
                    level.add(new Entry(List.copyOf(rel), kind(child)));
                    children.add(child);
                }
            } catch (IOException e) {
                if (first) {
                    throw e;
                }
                continue;
            }
            first = false;
            for (int i = 0; i < level.size(); i++) {
                Entry e = level.get(i);
                if (into.size() >= MAX_COLLECTED) {
                    return true;
                }
                into.add(e);
                if (e.kind() == Kind.DIRECTORY && p.remaining() > 1) {
                    queue.add(new Pending(children.get(i), e.relative(), p.remaining() - 1));
                }
            }
        }
        return false;
    }

    private static Kind kind(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                return Kind.SYMLINK;
            }
            return a.isDirectory() ? Kind.DIRECTORY : a.isRegularFile() ? Kind.FILE : Kind.OTHER;
        } catch (IOException e) {
            return Kind.OTHER;
        }
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }

    private static JsonNode buildSpec() {
        ObjectNode spec = FunctionSpecs.newSpec();
        ObjectNode props = FunctionSpecs.functionSpec(spec, "list_dir", "Lists a local directory as an "
                + "indented tree, one entry per line: directories end with `/`, symlinks with `@`, other special "
                + "files with `?`. Returns one page of entries; use offset and limit to page through large trees.");
        props.putObject("dir_path").put("type", "string").put("description", "Absolute path of the directory");
        props.putObject("offset").put("type", "number").put("description",
                "1-based number of the first entry to return (default 1)");
        props.putObject("limit").put("type", "number").put("description",
                "Maximum number of entries to return (default 25)");
        props.putObject("depth").put("type", "number").put("description",
                "How many directory levels to descend, 1 = only direct children (default 2)");
        FunctionSpecs.finishSpec(spec, "dir_path");
        return spec;
    }
}
