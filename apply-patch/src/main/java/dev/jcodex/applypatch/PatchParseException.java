package dev.jcodex.applypatch;

import java.util.OptionalInt;

/**
 * The patch text is not valid patch language.
 *
 * <p>{@link #getMessage()} has the reference's model-facing form: {@code "invalid patch: <detail>"} for a
 * problem with the patch as a whole, {@code "invalid hunk at line N, <detail>"} for a problem in one file section
 * (lines are counted from 1 at the {@code *** Begin Patch} line). {@link #standaloneMessage()} is the form the
 * standalone {@code apply_patch} prints on stderr.
 */
public final class PatchParseException extends ApplyPatchException {

    private final String detail;
    private final int lineNumber;

    private PatchParseException(String message, String detail, int lineNumber) {
        super(message);
        this.detail = detail;
        this.lineNumber = lineNumber;
    }

    static PatchParseException invalidPatch(String detail) {
        return new PatchParseException("invalid patch: " + detail, detail, 0);
    }

    static PatchParseException invalidHunk(int lineNumber, String detail) {
        return new PatchParseException("invalid hunk at line " + lineNumber + ", " + detail, detail, lineNumber);
    }

    /** The problem without the prefix, e.g. {@code "Update hunk does not contain any lines"}. */
    public String detail() {
        return detail;
    }

    /** The 1-based line of the offending hunk line, or empty when the patch as a whole is malformed. */
    public OptionalInt lineNumber() {
        return lineNumber > 0 ? OptionalInt.of(lineNumber) : OptionalInt.empty();
    }

    /**
     * The message as the standalone tool prints it: {@code "Invalid patch: <detail>"} or
     * {@code "Invalid patch hunk on line N: <detail>"}.
     */
    public String standaloneMessage() {
        return lineNumber > 0
                ? "Invalid patch hunk on line " + lineNumber + ": " + detail
                : "Invalid patch: " + detail;
    }
}
