package dev.jcodex.core.tools.handlers;

import dev.jcodex.core.tools.ToolHandler;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code grep_files}: lists the files whose contents match a regular expression, most recently modified first, at
 * most {@code limit} (default 100, capped at 2000). {@code path} (file or directory, default the turn's working
 * directory) is resolved against the working directory; {@code include} is a glob filter such as {@code *.rs}.
 * Uses ripgrep ({@code rg --files-with-matches}) when it is on {@code PATH}, otherwise {@link JavaFileSearch} with
 * the same defaults (hidden and git-ignored files skipped); either way the result is ordered by each file's
 * modification time across the whole tree (ties by path). No match answers
 * {@code No matches found.} as a failure. Searches give up after 30 seconds. Read-only.
 */
public final class GrepFilesHandler implements ToolHandler {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 2000;
    static final long TIMEOUT_SECONDS = 30;
    private static final int NOTE_RESERVE = 200;
    private static final System.Logger LOG = System.getLogger(GrepFilesHandler.class.getName());
    private static final JsonNode SPEC = buildSpec();

    private final Optional<Path> ripgrep;

    /** Uses {@code rg} if it is found on {@code PATH} now, else the pure-Java search. */
    public GrepFilesHandler() {
        this(findOnPath("rg"));
    }

    /** Uses the given ripgrep binary, or the pure-Java search when empty. */
    GrepFilesHandler(Optional<Path> ripgrep) {
        this.ripgrep = ripgrep;
    }

    @Override
    public String name() {
        return "grep_files";
    }

    @Override
    public JsonNode spec() {
        return SPEC;
    }

    @Override
    public boolean mutating(ToolInvocation invocation) {
        return false;
    }

    /** Outcome of one backend run. */
    private sealed interface Outcome {
        record Found(List<String> paths) implements Outcome {}

        record Failed(String message) implements Outcome {}
    }

    @Override
    public ToolResult handle(ToolInvocation inv) throws InterruptedException {
        JsonNode args = Args.parse(inv.functionArguments(), name());
        String pattern = Args.requiredString(args, "pattern", name()).strip();
        String include = Optional.ofNullable(Args.optionalString(args, "include")).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(null);
        String pathArg = Args.optionalString(args, "path");
        Long limitArg = Args.optionalLong(args, "limit", name());
        long limit = limitArg == null ? DEFAULT_LIMIT : limitArg;
        if (pattern.isEmpty()) {
            return ToolResult.failure("pattern must not be empty");
        }
        if (limit < 1) {
            return ToolResult.failure("limit must be greater than zero (got " + limit + ")");
        }
        int cappedLimit = (int) Math.min(limit, MAX_LIMIT);
        Path cwd = inv.turn().cwd();
        Path root = pathArg == null || pathArg.isBlank() ? cwd : cwd.resolve(pathArg).normalize();
        if (!Files.exists(root)) {
            return ToolResult.failure("unable to access `" + root + "`: no such file or directory. Check `path` "
                    + "(relative paths are resolved against " + cwd + ")");
        }
        Outcome outcome = ripgrep.isPresent()
                ? runRipgrep(ripgrep.get(), pattern, include, root, cwd, cappedLimit)
                : runJava(pattern, include, root, cappedLimit);
        return switch (outcome) {
            case Outcome.Failed f -> ToolResult.failure(f.message());
            case Outcome.Found f when f.paths().isEmpty() -> ToolResult.failure("No matches found.");
            case Outcome.Found f -> ToolResult.ok(render(f.paths(), inv.turn().outputTokenBudget()));
        };
    }

    private static String render(List<String> paths, int tokenBudget) {
        OutputBudget out = OutputBudget.ofTokens(tokenBudget);
        for (int i = 0; i < paths.size(); i++) {
            if (!out.tryAdd(paths.get(i), NOTE_RESERVE)) {
                out.add("[" + (paths.size() - i) + " more matching files not shown to fit the tool output budget; "
                        + "narrow `path` or `include`, or make the pattern more specific]");
                break;
            }
        }
        return out.join();
    }

    private static Outcome runJava(String pattern, String include, Path root, int limit) throws InterruptedException {
        Pattern regex;
        try {
            regex = Pattern.compile(rustToJavaRegex(pattern));
        } catch (PatternSyntaxException e) {
            return new Outcome.Failed("invalid regex `" + pattern + "`: " + e.getDescription() + " near index "
                    + e.getIndex() + ". Fix or escape the pattern");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try {
            var result = JavaFileSearch.search(root, new JavaFileSearch.Query(regex, Optional.ofNullable(include),
                    deadline));
            if (result.timedOut()) {
                return new Outcome.Failed("grep_files timed out after " + TIMEOUT_SECONDS + " seconds; narrow `path` "
                        + "or `include`");
            }
            return new Outcome.Found(result.files().stream().limit(limit).map(Path::toString).toList());
        } catch (IOException e) {
            return new Outcome.Failed("search failed in `" + root + "`: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Outcome.Failed("invalid include glob `" + include + "`: " + e.getMessage());
        }
    }

    private static Outcome runRipgrep(Path rg, String pattern, String include, Path root, Path cwd, int limit)
            throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(rg.toString(), "--no-config", "--files-with-matches",
                "--regexp", pattern, "--no-messages"));
        if (include != null) {
            command.add("--glob");
            command.add(include);
        }
        command.add("--");
        command.add(root.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).directory(cwd.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "rg failed to start, using the Java search", e);
            return runJava(pattern, include, root, limit);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> stdout = readAsync(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome.Failed("rg timed out after " + TIMEOUT_SECONDS + " seconds; narrow `path` or "
                        + "`include`");
            }
            return switch (process.exitValue()) {
                case 0 -> new Outcome.Found(newestFirst(stdout.join(), limit));
                case 1 -> new Outcome.Found(List.of());
                default -> new Outcome.Failed("rg failed: " + new String(stderr.join(), StandardCharsets.UTF_8).strip());
            };
        } catch (IOException e) {
            return new Outcome.Failed("rg failed: " + e.getMessage());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<byte[]> readAsync(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, Thread::startVirtualThread);
    }

    /**
     * Orders ripgrep's output newest file first. Not {@code rg --sortr=modified}: that sorts the entries of each
     * directory during the walk (a directory's own mtime places its whole subtree) and makes rg single-threaded.
     */
    private static List<String> newestFirst(byte[] stdout, int limit) {
        record Stamped(String path, FileTime modified) {}
        return new String(stdout, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty())
                .map(l -> new Stamped(l, modified(Path.of(l))))
                .sorted(Comparator.comparing(Stamped::modified).reversed().thenComparing(Stamped::path))
                .limit(limit).map(Stamped::path).toList();
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Rust's {@code (?P<name>...)} named groups are spelled {@code (?<name>...)} in Java. */
    static String rustToJavaRegex(String pattern) {
        return pattern.replace("(?P<", "(?<");
    }

    static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static JsonNode buildSpec() {
        ObjectNode spec = FunctionSpecs.newSpec();
        ObjectNode props = FunctionSpecs.functionSpec(spec, "grep_files", "Finds files whose contents "
                + "match a regular expression and returns their paths, one per line, most recently modified first. "
                + "Hidden and git-ignored files are skipped.");
        props.putObject("pattern").put("type", "string").put("description", "Regular expression to search for");
        props.putObject("include").put("type", "string").put("description",
                "Optional glob limiting which files are searched, e.g. \"*.rs\" or \"*.{ts,tsx}\"");
        props.putObject("path").put("type", "string").put("description",
                "File or directory to search (default: the working directory)");
        props.putObject("limit").put("type", "number").put("description",
                "Maximum number of file paths to return (default 100, at most 2000)");
        FunctionSpecs.finishSpec(spec, "pattern");
        return spec;
    }
}
