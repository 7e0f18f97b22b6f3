package dev.jcodex.applypatch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One file section of a patch after planning: the absolute paths involved and the text before and after, so a
 * caller can build a unified diff, approval prompts and file-change events before anything is written.
 *
 * <p>Texts are decoded UTF-8 without a byte-order mark. When the same file appears in several sections of a patch,
 * each change's old text is the result of the sections before it.
 */
public sealed interface PlannedChange {

    /** The path as written in the patch (the destination for a move); this is what the summary lists. */
    String displayPath();

    /** The absolute, normalised path of the file the section names (the source for a move). */
    Path path();

    /** What the change does. */
    ChangeKind kind();

    /** The text before the change; empty for a newly created file or an old file that is not UTF-8 text. */
    Optional<String> oldText();

    /** The text after the change; empty for a deletion. */
    Optional<String> newText();

    /**
     * A file created, or overwritten, by {@code *** Add File:}.
     *
     * @param replacedText the text of the file it overwrites, if there was one and it was UTF-8 text
     */
    record Added(String displayPath, Path path, String text, Optional<String> replacedText) implements PlannedChange {
        /** Rejects nulls. */
        public Added {
            Objects.requireNonNull(displayPath, "displayPath");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(replacedText, "replacedText");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.ADD;
        }

        @Override
        public Optional<String> oldText() {
            return replacedText;
        }

        @Override
        public Optional<String> newText() {
            return Optional.of(text);
        }
    }

    /**
     * A file removed by {@code *** Delete File:}.
     *
     * @param deletedText the removed file's text, when it was UTF-8 text
     */
    record Deleted(String displayPath, Path path, Optional<String> deletedText) implements PlannedChange {
        /** Rejects nulls. */
        public Deleted {
            Objects.requireNonNull(displayPath, "displayPath");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(deletedText, "deletedText");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.DELETE;
        }

        @Override
        public Optional<String> oldText() {
            return deletedText;
        }

        @Override
        public Optional<String> newText() {
            return Optional.empty();
        }
    }

    /** A file edited in place by {@code *** Update File:}. */
    record Updated(String displayPath, Path path, String before, String after) implements PlannedChange {
        /** Rejects nulls. */
        public Updated {
            Objects.requireNonNull(displayPath, "displayPath");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.UPDATE;
        }

        @Override
        public Optional<String> oldText() {
            return Optional.of(before);
        }

        @Override
        public Optional<String> newText() {
            return Optional.of(after);
        }
    }

    /**
     * A file edited by {@code *** Update File:} with {@code *** Move to:}: {@code after} is written to
     * {@code destination} (replacing any file there) and {@code path} is removed.
     *
     * @param displayPath the destination as written in the patch
     */
    record Moved(String displayPath, Path path, Path destination, String before, String after)
            implements PlannedChange {
        /** Rejects nulls. */
        public Moved {
            Objects.requireNonNull(displayPath, "displayPath");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.MOVE;
        }

        @Override
        public Optional<String> oldText() {
            return Optional.of(before);
        }

        @Override
        public Optional<String> newText() {
            return Optional.of(after);
        }
    }
}
