package dev.jcodex.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Instructions and project-doc settings (spec §8.3, §9).
 *
 * @param instructions legacy {@code instructions} (parsed, not used by the reference any more), or null
 * @param developerInstructions {@code developer_instructions}, or null
 * @param modelInstructionsFile {@code model_instructions_file} (legacy {@code experimental_instructions_file}),
 *                              or null
 * @param baseInstructions replacement base instructions: the harness value, else the contents of
 *                         {@code model_instructions_file}; null means the built-in prompt
 * @param compactPrompt {@code compact_prompt}, else the contents of {@code experimental_compact_prompt_file},
 *                      or null
 * @param includePermissionsInstructions {@code include_permissions_instructions} (default true)
 * @param includeAppsInstructions {@code include_apps_instructions} (default true)
 * @param includeEnvironmentContext {@code include_environment_context} (default true)
 * @param projectDocMaxBytes {@code project_doc_max_bytes} (default 32768; 0 disables AGENTS.md)
 * @param projectDocFallbackFilenames {@code project_doc_fallback_filenames}
 * @param projectRootMarkers {@code project_root_markers} (default {@code [".git"]}; empty = no upward search)
 */
public record InstructionSettings(
        String instructions,
        String developerInstructions,
        Path modelInstructionsFile,
        String baseInstructions,
        String compactPrompt,
        boolean includePermissionsInstructions,
        boolean includeAppsInstructions,
        boolean includeEnvironmentContext,
        long projectDocMaxBytes,
        List<String> projectDocFallbackFilenames,
        List<String> projectRootMarkers) {

    public static final long DEFAULT_PROJECT_DOC_MAX_BYTES = 32 * 1024;
    public static final List<String> DEFAULT_PROJECT_ROOT_MARKERS = List.of(".git");

    public InstructionSettings {
        projectDocFallbackFilenames = List.copyOf(projectDocFallbackFilenames);
        projectRootMarkers = List.copyOf(projectRootMarkers);
    }

    static InstructionSettings parse(TableReader root, ParseContext ctx) {
        Path instructionsFile = root.path("model_instructions_file");
        Path legacyFile = root.path("experimental_instructions_file");
        if (instructionsFile == null && legacyFile != null) {
            instructionsFile = legacyFile;
            ctx.warn("`experimental_instructions_file` is deprecated; use `model_instructions_file`.");
        }
        String base = ctx.overrides().baseInstructions();
        if (base == null && instructionsFile != null) {
            base = readNonEmpty(root, root.has("model_instructions_file")
                    ? "model_instructions_file" : "experimental_instructions_file", instructionsFile);
        }
        String compact = root.string("compact_prompt");
        Path compactFile = root.path("experimental_compact_prompt_file");
        if (compact == null && compactFile != null) {
            compact = readNonEmpty(root, "experimental_compact_prompt_file", compactFile);
        }
        String developer = root.string("developer_instructions");
        if (ctx.overrides().developerInstructions() != null) {
            developer = ctx.overrides().developerInstructions();
        }
        Long maxBytes = root.nonNegative("project_doc_max_bytes");
        List<String> fallbacks = root.stringList("project_doc_fallback_filenames");
        return new InstructionSettings(
                root.string("instructions"),
                developer,
                instructionsFile,
                base,
                compact,
                root.bool("include_permissions_instructions", true),
                root.bool("include_apps_instructions", true),
                root.bool("include_environment_context", true),
                maxBytes == null ? DEFAULT_PROJECT_DOC_MAX_BYTES : maxBytes,
                fallbacks == null ? List.of() : fallbacks,
                projectRootMarkers(root));
    }

    static List<String> projectRootMarkers(TableReader root) {
        List<String> markers = root.stringList("project_root_markers");
        return markers == null ? DEFAULT_PROJECT_ROOT_MARKERS : markers;
    }

    private static String readNonEmpty(TableReader root, String key, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw root.error(key, "failed to read " + file + ": no such file");
        } catch (IOException e) {
            throw root.error(key, "failed to read " + file + ": " + e);
        }
        if (text.isBlank()) {
            throw root.error(key, file + " is empty");
        }
        return text;
    }
}
