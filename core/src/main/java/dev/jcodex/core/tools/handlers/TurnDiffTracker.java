package dev.jcodex.core.tools.handlers;

import dev.jcodex.applypatch.PatchPlan;
import dev.jcodex.applypatch.PlannedChange;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.protocol.EventMsg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tracks every file the turn's patches touched, remembering its content at turn start, and renders the turn-level
 * unified diff (moves and deletes included) after each patch.
 */
public final class TurnDiffTracker {
    /** Path → content at turn start ({@code null}: did not exist). */
    private final Map<Path, String> baseline = new java.util.TreeMap<>();
    private final Map<Path, Path> renamedFrom = new LinkedHashMap<>();

    /** Records the pre-patch content of every path the plan touches (first time only). */
    public synchronized void recordBefore(PatchPlan plan) {
        for (PlannedChange c : plan.changes()) {
            if (!baseline.containsKey(c.path())) {
                baseline.put(c.path(), c.oldText().orElse(null));
            }
            if (c instanceof PlannedChange.Moved m && !baseline.containsKey(m.destination())) {
                baseline.put(m.destination(), read(m.destination()));
                renamedFrom.put(m.destination(), m.path());
            }
        }
    }

    /** Emits {@code turn_diff} with the diff of all tracked files against their turn-start content. */
    public synchronized void emitDiff(TurnServices turn) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Path, String> e : baseline.entrySet()) {
            Path path = e.getKey();
            String now = read(path);
            String display = turn.cwd().relativize(path).toString();
            sb.append(UnifiedDiffs.fileDiff(display, e.getValue(), now));
        }
        turn.emit(new EventMsg.TurnDiff(turn.turnId(), sb.toString()));
    }

    public synchronized void reset() {
        baseline.clear();
        renamedFrom.clear();
    }

    private static String read(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }
}
