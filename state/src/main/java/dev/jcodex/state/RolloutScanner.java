package dev.jcodex.state;

import dev.jcodex.protocol.ResponseItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Summarises rollout files into index records; used to rebuild the thread index. */
final class RolloutScanner {
    private static final System.Logger LOG = System.getLogger(RolloutScanner.class.getName());
    /** How far into a file to look for the first user message and turn context. */
    private static final int HEAD_LINES = 400;

    private RolloutScanner() {}

    /** One record per thread found under {@code sessions/} and {@code archived_sessions/}. */
    static List<ThreadRecord> scanAll(Path codexHome) throws IOException {
        Map<String, String> names = SessionIndexFile.latestNames(codexHome);
        Map<String, ThreadRecord> byId = new HashMap<>();
        scanTree(codexHome.resolve(RolloutPaths.SESSIONS_DIR), 4, false, names, byId, p -> true);
        scanTree(codexHome.resolve(RolloutPaths.ARCHIVED_SESSIONS_DIR), 1, true, names, byId, p -> true);
        return new ArrayList<>(byId.values());
    }

    /**
     * The record of thread {@code id} from its rollout file, found by file name under {@code sessions/}, then
     * {@code archived_sessions/} (the most recently updated one if several carry the id).
     */
    static Optional<ThreadRecord> scanOne(Path codexHome, String id) throws IOException {
        String wanted = id.toLowerCase(java.util.Locale.ROOT);
        Map<String, String> names = SessionIndexFile.latestNames(codexHome);
        Map<String, ThreadRecord> byId = new HashMap<>();
        java.util.function.Predicate<Path> named = p -> RolloutPaths.threadIdOf(p).filter(wanted::equals)
                .isPresent();
        scanTree(codexHome.resolve(RolloutPaths.SESSIONS_DIR), 4, false, names, byId, named);
        scanTree(codexHome.resolve(RolloutPaths.ARCHIVED_SESSIONS_DIR), 1, true, names, byId, named);
        return byId.values().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    private static void scanTree(Path root, int depth, boolean archived, Map<String, String> names,
            Map<String, ThreadRecord> byId, java.util.function.Predicate<Path> accept) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            files = walk.filter(p -> RolloutPaths.isRolloutFileName(p) && accept.test(p) && Files.isRegularFile(p))
                    .toList();
        }
        for (Path file : files) {
            try {
                summarize(file, archived, names).ifPresent(r -> byId.merge(r.id(), r,
                        (a, b) -> a.updatedAt().isAfter(b.updatedAt()) ? a : b));
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping rollout {0}: {1}", file, e.toString());
            }
        }
    }

    /** The index record of one rollout file, if it has a {@code session_meta}. */
    static Optional<ThreadRecord> summarize(Path file, boolean archived, Map<String, String> names)
            throws IOException {
        SessionMeta meta = null;
        Instant firstTimestamp = null;
        String firstUser = null;
        String model = null;
        try (RolloutReader reader = RolloutReader.open(file)) {
            for (Optional<RolloutLine> l = reader.next(); l.isPresent() && reader.lineNumber() <= HEAD_LINES;
                    l = reader.next()) {
                if (firstTimestamp == null) {
                    firstTimestamp = l.get().timestamp();
                }
                switch (l.get().item()) {
                    case SessionMeta m -> meta = meta == null ? m : meta;
                    case TurnContext t -> model = model == null ? t.model() : model;
                    case RolloutItem.Response r when HistoryRules.isRealUserMessage(r.item()) -> firstUser =
                            firstUser == null ? HistoryRules.messageText((ResponseItem.Message) r.item()) : firstUser;
                    case RolloutItem.Event e when e.type().equals("user_message")
                            && e.payload().path("message").isString() ->
                            firstUser = firstUser == null ? e.payload().path("message").asString() : firstUser;
                    default -> { }
                }
                if (meta != null && firstUser != null && model != null) {
                    break;
                }
            }
        }
        if (meta == null) {
            return Optional.empty();
        }
        Instant mtime = Files.getLastModifiedTime(file).toInstant();
        Instant created = ThreadRecord.parseOr(meta.timestamp(), firstTimestamp == null ? mtime : firstTimestamp);
        Instant updated = RolloutTail.lastTimestamp(file).orElse(mtime);
        if (updated.isBefore(created)) {
            updated = created;
        }
        ThreadRecord record = ThreadRecord.started(meta, file).afterTurn(updated, model, firstUser)
                .withTitle(names.get(meta.id()));
        return Optional.of(new ThreadRecord(record.id(), record.rolloutPath(), record.cwd(), record.title(),
                record.firstUserMessage(), record.model(), record.modelProvider(), record.source(),
                record.cliVersion(), record.forkedFromId(), record.gitSha(), record.gitBranch(),
                record.gitOriginUrl(), created, updated, archived ? mtime : null));
    }
}
