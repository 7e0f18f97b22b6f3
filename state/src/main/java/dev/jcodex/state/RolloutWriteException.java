package dev.jcodex.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writing a rollout file failed. The thread keeps running without persistence; the error is reported once.
 * {@link #diskFull()} tells a full disk apart from other I/O failures.
 */
public final class RolloutWriteException extends StateException {
    private final Path path;
    private final boolean diskFull;

    RolloutWriteException(String message, Path path, boolean diskFull, Throwable cause) {
        super(message, cause);
        this.path = path;
        this.diskFull = diskFull;
    }

    /** Wraps an I/O failure with the rollout path and a precise description of what went wrong. */
    static RolloutWriteException of(String action, Path path, IOException cause) {
        boolean full = isDiskFull(cause);
        String detail = full
                ? "the disk is full (No space left on device)"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new RolloutWriteException("cannot " + action + " rollout file " + path + ": " + detail
                + "; the session continues but is no longer recorded", path, full, cause);
    }

    static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("disk quota exceeded")
                        || lower.contains("file too large")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The rollout file that could not be written. */
    public Path path() {
        return path;
    }

    /** Whether the failure was a full disk (or exhausted quota). */
    public boolean diskFull() {
        return diskFull;
    }
}
