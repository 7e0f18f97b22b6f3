package dev.jcodex.applypatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Entry points for the {@code apply_patch} patch language: parse, plan (verify without writing), commit.
 *
 * <pre>{@code
 * Patch patch = ApplyPatch.parse(text);            // PatchParseException on bad syntax
 * PatchPlan plan = ApplyPatch.plan(patch, cwd);    // ApplyPatchException if any chunk does not match
 * plan.changes();                                  // old/new text per file, for diffs and events
 * ApplyResult result = plan.commit();              // atomic per file, all files or none
 * String modelOutput = result.summary();           // "Success. Updated the following files:\n..."
 * }</pre>
 *
 * <p>Unlike the reference, application is all-or-nothing: every file's new content is computed and every chunk
 * matched before the first byte is written.
 */
public final class ApplyPatch {

    private static final String GRAMMAR_RESOURCE = "apply_patch.lark";

    private ApplyPatch() {
    }

    /**
     * Parses patch text (leniently: see the module README).
     *
     * @throws PatchParseException when the text is not a valid patch
     */
    public static Patch parse(String patchText) {
        return PatchParser.parse(Objects.requireNonNull(patchText, "patchText"));
    }

    /**
     * Computes every file's new content in memory, resolving relative paths against {@code cwd} (absolute paths
     * are used as they are). Reads files; writes nothing.
     *
     * @throws ApplyPatchException with a model-readable message when the patch is empty, a file is missing, is a
     *                             directory, is not UTF-8 text, or a chunk's lines cannot be found
     */
    public static PatchPlan plan(Patch patch, Path cwd) {
        return PatchPlanner.plan(Objects.requireNonNull(patch, "patch"), Objects.requireNonNull(cwd, "cwd"));
    }

    /**
     * Parses, plans and commits in one go.
     *
     * @throws ApplyPatchException (or its subclass {@link PatchParseException}) on any failure; then no file has
     *                             been changed
     */
    public static ApplyResult apply(String patchText, Path cwd) {
        return plan(parse(patchText), cwd).commit();
    }

    /**
     * The Lark grammar of the patch language, for a freeform (grammar-constrained) tool definition. It accepts
     * exactly the strict language: Begin/End markers, Add/Delete/Update sections, {@code Move to}, {@code @@}
     * headers, {@code ' '}/{@code '-'}/{@code '+'} lines and {@code *** End of File}.
     */
    public static String larkGrammar() {
        return Grammar.TEXT;
    }

    /** Loaded on first use. */
    private static final class Grammar {
        static final String TEXT = load();

        private static String load() {
            try (InputStream in = ApplyPatch.class.getResourceAsStream(GRAMMAR_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + GRAMMAR_RESOURCE);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
