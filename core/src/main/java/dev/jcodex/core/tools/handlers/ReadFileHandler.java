package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code read_file}: returns lines of a text file prefixed {@code L<n>: }. Two modes:
 * <ul>
 *   <li>{@code slice} (default): {@code limit} lines (default 2000) from the 1-based {@code offset};</li>
 *   <li>{@code indentation}: the code block around {@code indentation.anchor_line}, see {@link IndentationBlock}.</li>
 * </ul>
 * {@code file_path} must be absolute. Lines are cut to 500 bytes; invalid UTF-8 becomes U+FFFD; {@code \r\n} is
 * treated as a line end. When the lines do not fit the turn's output budget the output stops at a line boundary
 * with a note naming the offset to continue from. Read-only.
 */
public final class ReadFileHandler implements ToolHandler {
    static final int MAX_LINE_BYTES = 500;
    static final int DEFAULT_LIMIT = 2000;
    /** Indentation mode reads the whole file into memory; larger files must be read in slices. */
    static final long MAX_INDENTATION_FILE_BYTES = 32L * 1024 * 1024;
    private static final int NOTE_RESERVE = 200;

    private static final JsonNode SPEC = buildSpec();

    /** Creates the handler; it keeps no state between calls. */
    public ReadFileHandler() {}

    @Override
    public String name() {
        return "read_file";
    }

    @Override
    public JsonNode spec() {
        return SPEC;
    }

    @Override
    public boolean mutating(ToolInvocation invocation) {
        return false;
    }

    private enum Mode { SLICE, INDENTATION }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        JsonNode args = Args.parse(inv.functionArguments(), name());
        String filePath = Args.requiredString(args, "file_path", name());
        long offset = orDefault(Args.optionalLong(args, "offset", name()), 1);
        long limit = orDefault(Args.optionalLong(args, "limit", name()), DEFAULT_LIMIT);
        Mode mode = mode(Args.optionalString(args, "mode"));
        if (offset < 1) {
            return ToolResult.failure("offset must be a 1-indexed line number (got " + offset + "); the first line "
                    + "of a file is offset 1");
        }
        if (limit < 1) {
            return ToolResult.failure("limit must be greater than zero (got " + limit + ")");
        }
        Path path = Path.of(filePath);
        if (!path.isAbsolute()) {
            return ToolResult.failure("file_path must be an absolute path, got `" + filePath + "`; relative to the "
                    + "working directory that is `" + inv.turn().cwd().resolve(path).normalize() + "`");
        }
        if (Files.isDirectory(path)) {
            return ToolResult.failure("`" + path + "` is a directory, not a file; use list_dir to see its entries");
        }
        OutputBudget budget = OutputBudget.ofTokens(inv.turn().outputTokenBudget());
        try {
            return switch (mode) {
                case SLICE -> slice(path, offset, clampToInt(limit), budget);
                case INDENTATION -> indentation(path, offset, clampToInt(limit), indentationArgs(args), budget);
            };
        } catch (NoSuchFileException e) {
            return ToolResult.failure("failed to read file `" + path + "`: no such file. Check the path; "
                    + "list_dir or grep_files can help find the right one");
        } catch (AccessDeniedException e) {
            return ToolResult.failure("failed to read file `" + path + "`: permission denied");
        } catch (IOException e) {
            return ToolResult.failure("failed to read file `" + path + "`: " + e.getMessage());
        }
    }

    private static ToolResult slice(Path path, long offset, int limit, OutputBudget budget)
            throws IOException, InterruptedException {
        long seen = 0;
        int taken = 0;
        try (InputStream in = Files.newInputStream(path); LineReader reader = new LineReader(in)) {
            byte[] line;
            while (taken < limit && (line = reader.next()) != null) {
                seen++;
                if (seen < offset) {
                    if ((seen & 0xFFFF) == 0) {
                        checkInterrupted();
                    }
                    continue;
                }
                if (!budget.tryAdd(format(seen, LineReader.decode(line)), NOTE_RESERVE)) {
                    budget.add(budgetNote(seen));
                    return ToolResult.ok(budget.join());
                }
                taken++;
            }
        }
        if (seen < offset) {
            return ToolResult.failure("offset exceeds file length: offset " + offset + " but `" + path + "` has "
                    + seen + (seen == 1 ? " line" : " lines"));
        }
        return ToolResult.ok(budget.join());
    }

    private static ToolResult indentation(Path path, long offset, int limit, IndentationArgs opts,
            OutputBudget budget) throws IOException, InterruptedException {
        long anchor = opts.anchorLine() == null ? offset : opts.anchorLine();
        if (anchor < 1) {
            return ToolResult.failure("anchor_line must be a 1-indexed line number (got " + anchor + ")");
        }
        long guard = opts.maxLines() == null ? limit : opts.maxLines();
        if (guard < 1) {
            return ToolResult.failure("max_lines must be greater than zero (got " + guard + ")");
        }
        if (opts.maxLevels() < 0) {
            return ToolResult.failure("max_levels must be zero (unlimited) or positive (got " + opts.maxLevels() + ")");
        }
        long size = Files.size(path);
        if (size > MAX_INDENTATION_FILE_BYTES) {
            return ToolResult.failure("`" + path + "` is " + size + " bytes, too large for indentation mode (max "
                    + MAX_INDENTATION_FILE_BYTES + "); use mode \"slice\" with offset and limit instead");
        }
        List<IndentationBlock.Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path); LineReader reader = new LineReader(in)) {
            byte[] bytes;
            while ((bytes = reader.next()) != null) {
                String raw = LineReader.decode(bytes);
                lines.add(new IndentationBlock.Line(lines.size() + 1, raw, LineReader.capBytes(raw, MAX_LINE_BYTES)));
                if ((lines.size() & 0xFFFF) == 0) {
                    checkInterrupted();
                }
            }
        }
        if (anchor > lines.size()) {
            return ToolResult.failure("anchor_line exceeds file length: anchor_line " + anchor + " but `" + path
                    + "` has " + lines.size() + (lines.size() == 1 ? " line" : " lines"));
        }
        int maxLines = (int) Math.min(limit, guard);
        var options = new IndentationBlock.Options(clampToInt(opts.maxLevels()), opts.includeSiblings(),
                opts.includeHeader());
        for (IndentationBlock.Line line : IndentationBlock.select(lines, (int) anchor - 1, maxLines, options)) {
            if (!budget.tryAdd("L" + line.number() + ": " + line.display(), NOTE_RESERVE)) {
                budget.add(budgetNote(line.number()));
                break;
            }
        }
        return ToolResult.ok(budget.join());
    }

    private static String format(long number, String text) {
        return "L" + number + ": " + LineReader.capBytes(text, MAX_LINE_BYTES);
    }

    private static String budgetNote(long firstOmitted) {
        return "[output truncated before line " + firstOmitted + " to fit the tool output budget; call read_file "
                + "again with offset=" + firstOmitted + " to continue]";
    }

    /** Parsed {@code indentation} object; {@code null} components mean "not given". */
    private record IndentationArgs(Long anchorLine, long maxLevels, boolean includeSiblings, boolean includeHeader,
            Long maxLines) {}

    private IndentationArgs indentationArgs(JsonNode args) {
        JsonNode node = args.get("indentation");
        if (node == null || node.isNull()) {
            return new IndentationArgs(null, 0, false, true, null);
        }
        if (!node.isObject()) {
            throw new ToolArgumentException("failed to parse function arguments for read_file: `indentation` must "
                    + "be an object");
        }
        Boolean siblings = Args.optionalBoolean(node, "include_siblings");
        Boolean header = Args.optionalBoolean(node, "include_header");
        return new IndentationArgs(Args.optionalLong(node, "anchor_line", name()),
                orDefault(Args.optionalLong(node, "max_levels", name()), 0),
                siblings != null && siblings, header == null || header,
                Args.optionalLong(node, "max_lines", name()));
    }

    private static Mode mode(String mode) {
        if (mode == null) {
            return Mode.SLICE;
        }
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "slice" -> Mode.SLICE;
            case "indentation" -> Mode.INDENTATION;
            default -> throw new ToolArgumentException("failed to parse function arguments for read_file: unknown "
                    + "mode `" + mode + "`, expected \"slice\" or \"indentation\"");
        };
    }

    private static long orDefault(Long value, long fallback) {
        return value == null ? fallback : value;
    }

    private static int clampToInt(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("read_file interrupted");
        }
    }

    private static JsonNode buildSpec() {
        ObjectNode spec = ProtocolJson.mapper().createObjectNode();
        spec.put("type", "function").put("name", "read_file").put("description", "Reads a local text file and "
                + "returns its lines numbered as `L<n>: <text>`. Mode \"slice\" returns `limit` lines starting at "
                + "`offset`; mode \"indentation\" returns the code block that encloses an anchor line, expanding "
                + "outwards by indentation level.");
        spec.put("strict", false);
        ObjectNode params = spec.putObject("parameters");
        params.put("type", "object");
        ObjectNode props = params.putObject("properties");
        props.putObject("file_path").put("type", "string").put("description", "Absolute path of the file");
        props.putObject("offset").put("type", "number").put("description",
                "1-based line number to start from (default 1); also the default anchor in indentation mode");
        props.putObject("limit").put("type", "number").put("description",
                "Maximum number of lines to return (default 2000)");
        props.putObject("mode").put("type", "string").put("description",
                "\"slice\" (default) for a plain line range, \"indentation\" to read the block around an anchor line");
        ObjectNode ind = props.putObject("indentation");
        ind.put("type", "object").put("description", "Options for indentation mode");
        ObjectNode indProps = ind.putObject("properties");
        indProps.putObject("anchor_line").put("type", "number").put("description",
                "Line the block is centred on (default: offset)");
        indProps.putObject("max_levels").put("type", "number").put("description",
                "How many enclosing indentation levels to include; 0 (default) means all of them");
        indProps.putObject("include_siblings").put("type", "boolean").put("description",
                "Also include neighbouring blocks at the same indentation (default false)");
        indProps.putObject("include_header").put("type", "boolean").put("description",
                "Include comment lines directly above the block (default true)");
        indProps.putObject("max_lines").put("type", "number").put("description",
                "Hard cap on returned lines (default: limit)");
        ind.put("additionalProperties", false);
        params.putArray("required").add("file_path");
        params.put("additionalProperties", false);
        return spec;
    }
}
