package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnError;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.state.RolloutItem;
import dev.jcodex.state.RolloutLine;
import dev.jcodex.state.RolloutReader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The turns of a stored thread, rebuilt from the persisted events of its rollout: {@code task_started} opens a
 * turn, {@code item_completed} adds an item, a (non-retry) {@code error} marks it failed, {@code task_complete} and
 * {@code turn_aborted} close it. A turn still open at the end of the file is reported as {@code interrupted}.
 * Lines of other kinds (and items this version cannot read) are skipped.
 */
final class StoredTurns {
    private static final System.Logger LOG = System.getLogger(StoredTurns.class.getName());

    private StoredTurns() {}

    private static final class Builder {
        final String id;
        final Instant startedAt;
        final List<ThreadItem> items = new ArrayList<>();
        TurnStatus status = TurnStatus.INTERRUPTED;
        TurnError error;
        Instant completedAt;

        Builder(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        Turn build() {
            TurnStatus s = status == TurnStatus.COMPLETED && error != null ? TurnStatus.FAILED : status;
            Long started = startedAt == null ? null : startedAt.getEpochSecond();
            Long completed = completedAt == null ? null : completedAt.getEpochSecond();
            Long duration = startedAt == null || completedAt == null ? null
                    : Math.max(0, completedAt.toEpochMilli() - startedAt.toEpochMilli());
            return new Turn(id, items, s, s == TurnStatus.FAILED ? error : null, started, completed, duration);
        }
    }

    /** The turns in {@code rollout}, oldest first; empty when the file cannot be read. */
    static List<Turn> read(Path rollout) {
        if (rollout == null) {
            return List.of();
        }
        Map<String, Builder> turns = new LinkedHashMap<>();
        try (RolloutReader reader = RolloutReader.open(rollout)) {
            Optional<RolloutLine> line;
            while ((line = reader.next()).isPresent()) {
                if (line.get().item() instanceof RolloutItem.Event event) {
                    apply(turns, event.payload(), line.get().timestamp());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read turns of {0}: {1}", rollout, e.getMessage());
            return List.of();
        }
        return turns.values().stream().map(Builder::build).toList();
    }

    private static void apply(Map<String, Builder> turns, ObjectNode payload, Instant at) {
        String turnId = payload.path("turn_id").asString(null);
        if (turnId == null) {
            return;
        }
        switch (payload.path("type").asString("")) {
            case "task_started" -> turns.putIfAbsent(turnId, new Builder(turnId, at));
            case "item_completed" -> {
                Builder b = turns.computeIfAbsent(turnId, id -> new Builder(id, at));
                item(payload.get("item")).ifPresent(b.items::add);
            }
            case "error" -> {
                Builder b = turns.get(turnId);
                if (b != null && !payload.path("will_retry").asBoolean(false)) {
                    JsonNode info = payload.get("codex_error_info");
                    b.error = new TurnError(payload.path("message").asString(""),
                            info == null || info.isNull() ? null : info,
                            payload.path("additional_details").asString(null));
                }
            }
            case "task_complete" -> close(turns.get(turnId), TurnStatus.COMPLETED, at);
            case "turn_aborted" -> close(turns.get(turnId), TurnStatus.INTERRUPTED, at);
            default -> { }
        }
    }

    private static void close(Builder b, TurnStatus status, Instant at) {
        if (b != null) {
            b.status = status;
            b.completedAt = at;
        }
    }

    private static Optional<ThreadItem> item(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ThreadItems.of(ProtocolJson.mapper().treeToValue(node, TurnItem.class)));
        } catch (JacksonException | IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "skipping a stored item this version cannot read: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code stored} with {@code live} turns replacing those of the same id and the rest appended. */
    static List<Turn> merge(List<Turn> stored, List<Turn> live) {
        Map<String, Turn> byId = new LinkedHashMap<>();
        stored.forEach(t -> byId.put(t.id(), t));
        live.forEach(t -> byId.put(t.id(), t));
        return List.copyOf(byId.values());
    }
}
