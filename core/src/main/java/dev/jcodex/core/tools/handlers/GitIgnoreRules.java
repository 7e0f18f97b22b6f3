package dev.jcodex.core.tools.handlers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of one {@code .gitignore} file, enough for the pure-Java {@code grep_files} search to skip what ripgrep
 * would skip: comments and blank lines, {@code !} negation, a trailing {@code /} for directories only, patterns with
 * a {@code /} anchored at the file's directory (others match a name at any depth), {@code *}, {@code ?},
 * {@code [...]} and {@code **}. Rules of deeper files are consulted after shallower ones; the last match wins.
 */
final class GitIgnoreRules {

    /** Outcome of matching one path against a rule set. */
    enum Verdict { IGNORED, WHITELISTED, NONE }

    private record Rule(List<PathMatcher> matchers, boolean negated, boolean dirOnly, boolean anchored) {}

    private final Path base;
    private final List<Rule> rules;

    private GitIgnoreRules(Path base, List<Rule> rules) {
        this.base = base;
        this.rules = rules;
    }

    /** The rules of {@code dir/.gitignore}; empty when there is none or it cannot be read. */
    static Optional<GitIgnoreRules> load(Path dir) {
        Path file = dir.resolve(".gitignore");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return Optional.of(parse(dir, text.lines().toList()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Rules for {@code lines} of a {@code .gitignore} located in {@code base}. */
    static GitIgnoreRules parse(Path base, List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            Rule rule = rule(line);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new GitIgnoreRules(base, List.copyOf(rules));
    }

    /** Matches {@code path} (under this file's directory) against the rules; the last matching rule decides. */
    Verdict match(Path path, boolean directory) {
        if (!path.startsWith(base) || path.equals(base)) {
            return Verdict.NONE;
        }
        Path relative = base.relativize(path);
        Path name = relative.getFileName();
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.dirOnly() && !directory) {
                continue;
            }
            Path subject = r.anchored() ? relative : name;
            for (PathMatcher m : r.matchers()) {
                if (m.matches(subject)) {
                    return r.negated() ? Verdict.WHITELISTED : Verdict.IGNORED;
                }
            }
        }
        return Verdict.NONE;
    }

    private static Rule rule(String line) {
        String p = stripTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) {
            return null;
        }
        boolean negated = p.startsWith("!");
        if (negated || p.startsWith("\\!") || p.startsWith("\\#")) {
            p = p.substring(1);
        }
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) {
            p = p.substring(0, p.length() - 1);
        }
        boolean anchored = p.contains("/");
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.startsWith("**/")) {
            // "**/x" matches x at any depth, which is what an unanchored name pattern does.
            String rest = p.substring(3);
            if (!rest.contains("/")) {
                anchored = false;
                p = rest;
            }
        }
        if (p.isEmpty()) {
            return null;
        }
        List<PathMatcher> matchers = new ArrayList<>();
        try {
            matchers.add(glob(p));
            if (p.contains("/**/")) {
                matchers.add(glob(p.replace("/**/", "/")));
            }
            if (p.startsWith("**/")) {
                matchers.add(glob(p.substring(3)));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new Rule(List.copyOf(matchers), negated, dirOnly, anchored);
    }

    /** A Java glob for a gitignore pattern: braces and commas are literal in gitignore, special in Java globs. */
    private static PathMatcher glob(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                sb.append('\\').append(pattern.charAt(++i));
            } else if (c == '{' || c == '}' || c == ',') {
                sb.append('\\').append(c);
            } else if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                sb.append("[!");
                i++;
            } else {
                sb.append(c);
            }
        }
        return FileSystems.getDefault().getPathMatcher("glob:" + sb);
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')
                && !(end >= 2 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }
}
