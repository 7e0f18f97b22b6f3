package dev.jcodex.state;

/**
 * Identifies the current {@code history.jsonl} and its size, for Up-arrow navigation.
 *
 * @param logId the file's identity (its inode on Unix, {@code 0} when there is no file); it changes when the
 *     file is replaced (for example when {@code max_bytes} trims it), which invalidates earlier offsets
 * @param entryCount how many complete entries the file holds
 */
public record HistoryMetadata(long logId, long entryCount) {}
