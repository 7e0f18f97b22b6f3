package dev.jcodex.applypatch;

/**
 * Root of this module's unchecked exceptions: a patch that cannot be parsed, planned or committed.
 *
 * <p>The message is written for the model: it names the file and, for a failed match, quotes the lines that were
 * not found, e.g. {@code "Failed to find expected lines in /work/a.txt:\nold line"}. The core prefixes it with
 * {@code "apply_patch verification failed: "} when a plan fails.
 */
public sealed class ApplyPatchException extends RuntimeException permits PatchParseException {

    /** Creates an exception with a model-readable message. */
    public ApplyPatchException(String message) {
        super(message);
    }

    /** Creates an exception with a model-readable message and the I/O failure behind it. */
    public ApplyPatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
