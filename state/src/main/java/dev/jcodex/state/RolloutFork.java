package dev.jcodex.state;

import dev.jcodex.protocol.ProtocolJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forks a thread: writes a new rollout whose first line is a new {@code session_meta} (new id,
 * {@code forked_from_id} = the source id) followed by the source's lines, copied verbatim apart from their
 * ordinals (line kinds this version does not model are kept). Optionally the newest user turns are left out.
 * If the copy ends inside a turn that never completed, a {@code turn_aborted} event (reason
 * {@code interrupted}) is appended so the fork does not look mid-turn.
 */
public final class RolloutFork {
    private RolloutFork() {}

    /**
     * What a fork produced.
     *
     * @param rolloutPath the new rollout file
     * @param sessionMeta its {@code session_meta}
     * @param copiedLines lines copied from the source (the new session meta and any marker not counted)
     */
    public record Result(Path rolloutPath, SessionMeta sessionMeta, long copiedLines) {}

    /** Forks the whole thread. */
    public static Result fork(Path codexHome, Path sourcePath, String newThreadId) throws IOException {
        return fork(codexHome, sourcePath, newThreadId, 0);
    }

    /**
     * Forks the thread without its newest {@code dropLastNTurns} user turns (0 keeps everything). A turn
     * starts at its {@code task_started} event (or at the user message when there is none); rolled-back turns
     * do not count.
     *
     * @throws StateException if the source has no {@code session_meta}
     */
    public static Result fork(Path codexHome, Path sourcePath, String newThreadId, int dropLastNTurns)
            throws IOException {
        return fork(codexHome, sourcePath, newThreadId, dropLastNTurns, Clock.systemUTC());
    }

    static Result fork(Path codexHome, Path sourcePath, String newThreadId, int dropLastNTurns, Clock clock)
            throws IOException {
        if (dropLastNTurns < 0) {
            throw new IllegalArgumentException("dropLastNTurns must be >= 0: " + dropLastNTurns);
        }
        Scan scan = scan(sourcePath);
        if (scan.meta == null) {
            throw new StateException("cannot fork " + sourcePath + ": it has no session_meta line");
        }
        long cut = scan.cutBefore(dropLastNTurns);
        Instant now = clock.instant();
        SessionMeta meta = scan.meta.forkedAs(newThreadId, RolloutLine.formatTimestamp(now));
        Path target = RolloutPaths.newRolloutPath(codexHome, newThreadId, now, ZoneId.systemDefault());
        RolloutPaths.createPrivateDirectories(target.getParent());
        boolean done = false;
        try (FileChannel ch = PosixSupport.openPrivate(target,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024)) {
            long copied = copy(sourcePath, cut, meta, now, out);
            out.flush();
            ch.force(false);
            done = true;
            return new Result(target, meta, copied);
        } finally {
            if (!done) {
                Files.deleteIfExists(target);
            }
        }
    }

    private static long copy(Path source, long cut, SessionMeta meta, Instant now, OutputStream out)
            throws IOException {
        long ordinal = 0;
        write(out, RolloutCodec.encode(RolloutLine.of(now, ordinal++, meta)));
        long copied = 0;
        String openTurn = null;
        try (RolloutReader reader = RolloutReader.open(source)) {
            long index = 0;
            for (Optional<RolloutLine> l = reader.next(); l.isPresent() && index < cut; l = reader.next(), index++) {
                RolloutItem item = l.get().item();
                if (item instanceof SessionMeta) {
                    continue;
                }
                if (item instanceof RolloutItem.Event e) {
                    switch (e.type()) {
                        case "task_started", "turn_started" -> openTurn = e.payload().path("turn_id").asString("");
                        case "task_complete", "turn_complete", "turn_aborted" -> openTurn = null;
                        default -> { }
                    }
                }
                write(out, renumber(reader.lastText(), ordinal++));
                copied++;
            }
        }
        if (openTurn != null) {
            ObjectNode aborted = JsonNodeFactory.instance.objectNode();
            aborted.put("type", "turn_aborted");
            if (!openTurn.isEmpty()) {
                aborted.put("turn_id", openTurn);
            }
            aborted.put("reason", "interrupted");
            write(out, RolloutCodec.encode(RolloutLine.of(now, ordinal, new RolloutItem.Event(aborted))));
        }
        return copied;
    }

    /** The line with its ordinal replaced (inserted after the timestamp for older-format lines). */
    private static String renumber(String text, long ordinal) {
        ObjectNode src = (ObjectNode) ProtocolJson.tree(text);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("timestamp", src.get("timestamp"));
        out.put("ordinal", ordinal);
        for (Map.Entry<String, JsonNode> field : src.properties()) {
            if (!field.getKey().equals("timestamp") && !field.getKey().equals("ordinal")) {
                out.set(field.getKey(), field.getValue());
            }
        }
        return ProtocolJson.write(out);
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** First pass over the source: its meta and where each surviving user turn starts. */
    private static final class Scan {
        SessionMeta meta;
        final List<Long> turnStarts = new ArrayList<>();
        long lines;

        long cutBefore(int dropLastNTurns) {
            if (dropLastNTurns == 0 || turnStarts.isEmpty()) {
                return lines;
            }
            return dropLastNTurns >= turnStarts.size()
                    ? turnStarts.getFirst()
                    : turnStarts.get(turnStarts.size() - dropLastNTurns);
        }
    }

    private static Scan scan(Path source) throws IOException {
        Scan scan = new Scan();
        long pendingStart = -1;
        try (RolloutReader reader = RolloutReader.open(source)) {
            for (Optional<RolloutLine> l = reader.next(); l.isPresent(); l = reader.next(), scan.lines++) {
                long index = scan.lines;
                switch (l.get().item()) {
                    case SessionMeta m -> {
                        if (scan.meta == null) {
                            scan.meta = m;
                        }
                    }
                    case RolloutItem.Event e when e.type().equals("task_started")
                            || e.type().equals("turn_started") -> pendingStart = index;
                    case RolloutItem.Event e when e.type().equals("thread_rolled_back") -> {
                        long n = e.payload().path("num_turns").asLong(0);
                        for (long i = 0; i < n && !scan.turnStarts.isEmpty(); i++) {
                            scan.turnStarts.removeLast();
                        }
                    }
                    case RolloutItem.Response r when HistoryRules.isRealUserMessage(r.item()) -> {
                        scan.turnStarts.add(pendingStart >= 0 ? pendingStart : index);
                        pendingStart = -1;
                    }
                    default -> { }
                }
            }
        }
        return scan;
    }
}
