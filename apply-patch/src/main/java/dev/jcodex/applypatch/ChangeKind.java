package dev.jcodex.applypatch;

/** What a planned change does to a file. */
public enum ChangeKind {
    /** A file is created, or overwritten by an {@code *** Add File:} section. */
    ADD,
    /** A file is removed. */
    DELETE,
    /** A file's content is edited in place. */
    UPDATE,
    /** A file's content is edited and written to a new path; the original is removed. */
    MOVE
}
