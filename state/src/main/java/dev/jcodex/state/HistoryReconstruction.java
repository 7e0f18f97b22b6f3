package dev.jcodex.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Rebuilds, from a rollout, the history the next model request of a resumed (or forked) thread must carry.
 * Reads both line formats, including rollouts written by the reference implementation; unknown line kinds and
 * unreadable lines are skipped.
 */
public final class HistoryReconstruction {
    private HistoryReconstruction() {}

    /**
     * Streams {@code rolloutPath} once; memory is bounded by the rebuilt history, not by the file size.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     */
    public static ReconstructedThread rebuild(Path rolloutPath) throws IOException {
        HistoryReplay replay = new HistoryReplay();
        try (RolloutReader reader = RolloutReader.open(rolloutPath)) {
            for (Optional<RolloutLine> line = reader.next(); line.isPresent(); line = reader.next()) {
                replay.accept(line.get().item());
            }
            return replay.result(reader.skippedLines());
        }
    }

    /** Rebuilds from items already in memory, oldest first. */
    public static ReconstructedThread rebuild(Iterable<? extends RolloutItem> items) {
        HistoryReplay replay = new HistoryReplay();
        for (RolloutItem item : items) {
            replay.accept(item);
        }
        return replay.result(0);
    }
}
