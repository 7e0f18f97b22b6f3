package dev.jcodex.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AGENTS.md discovery (spec §9.1): the global file in CODEX_HOME, then one file per directory from the project
 * root (first ancestor holding a root marker such as {@code .git}) down to cwd, within a byte budget.
 */
public final class ProjectDocs {

    /** Separator between the global instructions and the project docs. */
    static final String PROJECT_DOC_SEPARATOR = "\n\n--- project-doc ---\n\n";

    /**
     * Discovery settings.
     *
     * @param maxBytes total budget for project docs (0 disables them)
     * @param fallbackFilenames extra names tried after AGENTS.override.md and AGENTS.md
     * @param rootMarkers names whose presence marks the project root
     */
    public record Settings(long maxBytes, List<String> fallbackFilenames, List<String> rootMarkers) {
        public static final Settings DEFAULT = new Settings(32 * 1024, List.of(), List.of(".git"));
    }

    private ProjectDocs() {}

    /** The combined user instructions for {@code cwd}, or {@code null} when there are none. */
    public static String userInstructions(Path codexHome, Path cwd, Settings settings) {
        String global = globalInstructions(codexHome);
        String project = projectDocs(cwd, settings);
        if (global == null) {
            return project;
        }
        return project == null ? global : global + PROJECT_DOC_SEPARATOR + project;
    }

    /** The text block sent to the model for these instructions. */
    public static String render(Path cwd, String instructions) {
        return "# AGENTS.md instructions for " + cwd + "\n\n<INSTRUCTIONS>\n" + instructions + "\n</INSTRUCTIONS>";
    }

    static String globalInstructions(Path codexHome) {
        if (codexHome == null) {
            return null;
        }
        for (String name : List.of("AGENTS.override.md", "AGENTS.md")) {
            String text = readIfFile(codexHome.resolve(name), Long.MAX_VALUE);
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }

    static String projectDocs(Path cwd, Settings settings) {
        if (settings.maxBytes() <= 0) {
            return null;
        }
        List<Path> dirs = searchDirectories(canonical(cwd), settings.rootMarkers());
        List<String> names = new ArrayList<>(List.of("AGENTS.override.md", "AGENTS.md"));
        names.addAll(settings.fallbackFilenames());
        long remaining = settings.maxBytes();
        List<String> parts = new ArrayList<>();
        for (Path dir : dirs) {
            if (remaining <= 0) {
                break;
            }
            for (String name : names) {
                Path file = dir.resolve(name);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String text = readIfFile(file, remaining);
                if (text != null && !text.isBlank()) {
                    parts.add(text);
                    remaining -= text.getBytes(StandardCharsets.UTF_8).length;
                }
                break;
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /** Root → … → cwd when a root marker is found above cwd, else just cwd. */
    static List<Path> searchDirectories(Path cwd, List<String> markers) {
        Path root = null;
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            for (String marker : markers) {
                if (Files.exists(dir.resolve(marker))) {
                    root = dir;
                    break;
                }
            }
            if (root != null) {
                break;
            }
        }
        if (root == null) {
            return List.of(cwd);
        }
        List<Path> chain = new ArrayList<>();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            chain.addFirst(dir);
            if (dir.equals(root)) {
                break;
            }
        }
        return chain;
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String readIfFile(Path file, long maxBytes) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > maxBytes) {
                int n = (int) maxBytes;
                while (n > 0 && (bytes[n] & 0xC0) == 0x80) {
                    n--; // do not cut a UTF-8 sequence
                }
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
