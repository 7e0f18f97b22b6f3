/**
 * Persistence for jcodex threads: rollout JSONL files (write, read, resume reconstruction, fork), the composer
 * {@code history.jsonl}, the SQLite thread index and the file logger.
 *
 * <p>Rollout files are the source of truth; the SQLite index is a rebuildable cache over them. Nothing in this
 * package writes to stdout or stderr.
 */
package dev.jcodex.state;
