package dev.jcodex.applypatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A verified patch: every section's new content has been computed in memory and every chunk has matched, but
 * nothing has been written yet. Obtain one from {@link ApplyPatch#plan}; inspect {@link #changes()} to build diffs,
 * approval prompts or events; then {@link #commit()} it, or drop it to write nothing.
 */
public final class PatchPlan {

    private final List<PlannedChange> changes;
    private final FileCommitter committer;
    private final AtomicBoolean committed = new AtomicBoolean();

    PatchPlan(List<PlannedChange> changes, FileCommitter committer) {
        this.changes = List.copyOf(changes);
        this.committer = committer;
    }

    /** One entry per file section, in patch order. */
    public List<PlannedChange> changes() {
        return changes;
    }

    /** The success text {@link #commit()} will report (see {@link ApplyResult#summary()}). */
    public String summary() {
        return result().summary();
    }

    /**
     * Writes the plan: deletions first, then each new content through a temporary file in the same directory
     * renamed atomically over the target, with the target's permissions kept (a moved file keeps the source's)
     * and missing parent directories created. Before writing, every file the plan was computed from is checked to
     * be unchanged on disk; if one changed, nothing is written. If a write fails midway, the files already changed
     * are put back before the exception is thrown.
     *
     * @return what was changed
     * @throws ApplyPatchException   when a file changed since planning or an I/O operation failed
     * @throws IllegalStateException when this plan was already committed
     */
    public ApplyResult commit() {
        if (!committed.compareAndSet(false, true)) {
            throw new IllegalStateException("this patch plan was already committed");
        }
        committer.commit();
        return result();
    }

    private ApplyResult result() {
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (PlannedChange change : changes) {
            switch (change) {
                case PlannedChange.Added add -> added.add(add.displayPath());
                case PlannedChange.Updated update -> modified.add(update.displayPath());
                case PlannedChange.Moved move -> modified.add(move.displayPath());
                case PlannedChange.Deleted delete -> deleted.add(delete.displayPath());
            }
        }
        return new ApplyResult(added, modified, deleted, changes);
    }
}
