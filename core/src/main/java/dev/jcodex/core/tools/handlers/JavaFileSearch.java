package dev.jcodex.core.tools.handlers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pure-Java fallback of {@code grep_files} when ripgrep is not installed: finds the files that contain a line
 * matching a regex, newest first, skipping what ripgrep skips by default: hidden files and directories, symlinks
 * (not followed), files ignored by {@code .gitignore} inside a Git work tree, and binary content (a line with a NUL
 * byte ends the search of that file). An explicitly named file is always searched.
 */
final class JavaFileSearch {
    private static final int LINES_BETWEEN_CLOCK_CHECKS = 4096;

    /**
     * One search.
     *
     * @param regex the compiled pattern, matched against each line
     * @param include optional glob: a name glob (no {@code /}) or a glob relative to the search root; a leading
     *     {@code !} excludes instead
     * @param deadlineNanos {@link System#nanoTime()} value after which the search gives up
     */
    record Query(Pattern regex, Optional<String> include, long deadlineNanos) {}

    /** Matching files, newest first; {@code timedOut} when the deadline passed before the walk finished. */
    record Result(List<Path> files, boolean timedOut) {}

    private record Hit(Path path, FileTime modified) {}

    private JavaFileSearch() {}

    static Result search(Path root, Query query) throws IOException, InterruptedException {
        List<Hit> hits = new ArrayList<>();
        boolean timedOut;
        if (Files.isDirectory(root)) {
            Walker walker = new Walker(root, query, hits);
            Files.walkFileTree(root, walker);
            if (walker.interrupted) {
                throw new InterruptedException("grep_files interrupted");
            }
            timedOut = walker.timedOut;
        } else {
            if (matches(root, query)) {
                hits.add(new Hit(root, Files.getLastModifiedTime(root)));
            }
            timedOut = expired(query);
        }
        hits.sort(Comparator.comparing(Hit::modified).reversed().thenComparing(h -> h.path().toString()));
        return new Result(hits.stream().map(Hit::path).toList(), timedOut);
    }

    private static boolean expired(Query query) {
        return System.nanoTime() - query.deadlineNanos() > 0;
    }

    /** Whether a line of {@code file} matches; stops at the first NUL byte (binary file) or at the deadline. */
    static boolean matches(Path file, Query query) throws IOException {
        try (InputStream in = Files.newInputStream(file); LineReader reader = new LineReader(in)) {
            byte[] line;
            int count = 0;
            while ((line = reader.next()) != null) {
                for (byte b : line) {
                    if (b == 0) {
                        return false;
                    }
                }
                if (query.regex().matcher(LineReader.decode(line)).find()) {
                    return true;
                }
                if (++count % LINES_BETWEEN_CLOCK_CHECKS == 0 && (expired(query) || Thread.currentThread()
                        .isInterrupted())) {
                    return false;
                }
            }
        }
        return false;
    }

    private static final class Walker extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Query query;
        private final List<Hit> hits;
        private final PathMatcher include;
        private final boolean includeNegated;
        private final boolean includeRelative;
        private final Deque<Optional<GitIgnoreRules>> ignores = new ArrayDeque<>();
        private final List<GitIgnoreRules> inherited;
        private final boolean gitWorkTree;
        boolean timedOut;
        boolean interrupted;

        Walker(Path root, Query query, List<Hit> hits) {
            this.root = root;
            this.query = query;
            this.hits = hits;
            String glob = query.include().orElse(null);
            includeNegated = glob != null && glob.startsWith("!");
            String body = includeNegated ? glob.substring(1) : glob;
            include = body == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + body);
            includeRelative = body != null && body.contains("/");
            Path repo = gitRoot(root);
            gitWorkTree = repo != null;
            inherited = new ArrayList<>();
            if (repo != null) {
                for (Path dir = root.getParent(); dir != null && dir.startsWith(repo); dir = dir.getParent()) {
                    GitIgnoreRules.load(dir).ifPresent(r -> inherited.addFirst(r));
                }
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (stop()) {
                return FileVisitResult.TERMINATE;
            }
            if (!dir.equals(root) && (hidden(dir) || ignored(dir, true))) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            ignores.push(gitWorkTree ? GitIgnoreRules.load(dir) : Optional.empty());
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            ignores.pop();
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (stop()) {
                return FileVisitResult.TERMINATE;
            }
            if (!attrs.isRegularFile() || hidden(file) || !included(file) || ignored(file, false)) {
                return FileVisitResult.CONTINUE;
            }
            try {
                if (matches(file, query)) {
                    hits.add(new Hit(file, attrs.lastModifiedTime()));
                }
            } catch (IOException e) {
                // Unreadable files are skipped silently, like ripgrep with --no-messages.
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
        }

        private boolean stop() {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                return true;
            }
            if (expired(query)) {
                timedOut = true;
                return true;
            }
            return false;
        }

        private static boolean hidden(Path p) {
            Path name = p.getFileName();
            return name != null && name.toString().startsWith(".");
        }

        private boolean included(Path file) {
            if (include == null) {
                return true;
            }
            boolean hit = include.matches(includeRelative ? root.relativize(file) : file.getFileName());
            return hit != includeNegated;
        }

        private boolean ignored(Path path, boolean directory) {
            // Deepest .gitignore first: the first decisive verdict wins.
            for (Optional<GitIgnoreRules> rules : ignores) {
                if (rules.isPresent()) {
                    GitIgnoreRules.Verdict v = rules.get().match(path, directory);
                    if (v != GitIgnoreRules.Verdict.NONE) {
                        return v == GitIgnoreRules.Verdict.IGNORED;
                    }
                }
            }
            for (int i = inherited.size() - 1; i >= 0; i--) {
                GitIgnoreRules.Verdict v = inherited.get(i).match(path, directory);
                if (v != GitIgnoreRules.Verdict.NONE) {
                    return v == GitIgnoreRules.Verdict.IGNORED;
                }
            }
            return false;
        }

        private static Path gitRoot(Path start) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve(".git"))) {
                    return dir;
                }
            }
            return null;
        }
    }
}
