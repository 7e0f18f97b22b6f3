package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.SortDirection;
import dev.jcodex.appserver.protocol.ThreadListParams;
import dev.jcodex.appserver.protocol.ThreadListResponse;
import dev.jcodex.appserver.protocol.ThreadSortKey;
import dev.jcodex.appserver.protocol.ThreadSourceKind;
import dev.jcodex.state.ThreadFilter;
import dev.jcodex.state.ThreadIndex;
import dev.jcodex.state.ThreadPage;
import dev.jcodex.state.ThreadRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * {@code thread/list} from the thread index only (no rollout scans). The index pre-filters what it can (one cwd,
 * one provider, archive side, plain source labels); several cwds or providers, structured sources and
 * {@code searchTerm} are filtered here, then the rows are sorted by {@code sortKey}/{@code sortDirection} (default
 * {@code created_at}, descending) and paged with a keyset cursor ({@code <sort key ms>:<id>}, base64url).
 * Threads loaded in this server are shown as they are now (status, preview, {@code updatedAt}).
 */
final class ThreadLister {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final int INDEX_PAGE = 1000;
    private static final Set<ThreadSourceKind> INTERACTIVE = EnumSet.of(ThreadSourceKind.CLI, ThreadSourceKind.VSCODE);

    private final ThreadIndex index;
    private final Function<String, LiveThread> liveThreads;
    private final Predicate<LiveThread> waitingOnApproval;

    ThreadLister(ThreadIndex index, Function<String, LiveThread> liveThreads, Predicate<LiveThread> waitingOnApproval) {
        this.index = index;
        this.liveThreads = liveThreads;
        this.waitingOnApproval = waitingOnApproval;
    }

    /** A listed thread with its sort key (ms); the cursor is a row without the thread. */
    private record Row(long key, String id, AppServerThread thread) {}

    ThreadListResponse list(ThreadListParams p) {
        int limit = p.limit() == null ? DEFAULT_LIMIT : Math.clamp(p.limit(), 1, MAX_LIMIT);
        boolean byUpdated = p.sortKey() == ThreadSortKey.UPDATED_AT;
        boolean ascending = p.sortDirection() == SortDirection.ASC;
        Set<String> cwds = cwds(p.cwd());
        Set<String> providers = p.modelProviders() == null ? Set.of() : Set.copyOf(p.modelProviders());
        Set<ThreadSourceKind> kinds = p.sourceKinds() == null || p.sourceKinds().isEmpty()
                ? INTERACTIVE : EnumSet.copyOf(p.sourceKinds());
        ThreadFilter.Archived archived = Boolean.TRUE.equals(p.archived())
                ? ThreadFilter.Archived.ARCHIVED : ThreadFilter.Archived.ACTIVE;
        ThreadFilter filter = new ThreadFilter(cwds.size() == 1 ? cwds.iterator().next() : null,
                providers.size() == 1 ? providers.iterator().next() : null, archived, indexLabels(kinds),
                INDEX_PAGE, null);
        String search = p.searchTerm() == null || p.searchTerm().isBlank() ? null
                : p.searchTerm().toLowerCase(Locale.ROOT);

        List<Row> rows = new ArrayList<>();
        ThreadPage page;
        do {
            page = index.list(filter);
            for (ThreadRecord r : page.threads()) {
                if ((cwds.isEmpty() || cwds.contains(r.cwd()))
                        && (providers.isEmpty() || providers.contains(r.modelProvider()))
                        && kinds.contains(kindOf(r.source(), kinds))
                        && (search == null || matches(r, search))) {
                    AppServerThread t = view(r);
                    rows.add(new Row(byUpdated ? Math.max(r.updatedAt().toEpochMilli(), t.updatedAt() * 1000)
                            : r.createdAt().toEpochMilli(), r.id(), t));
                }
            }
            filter = filter.withCursor(page.nextCursor());
        } while (page.nextCursor() != null);

        Comparator<Row> order = Comparator.comparingLong(Row::key).thenComparing(Row::id);
        rows.sort(ascending ? order : order.reversed());
        int start = 0;
        if (p.cursor() != null) {
            Row after = decode(p.cursor());
            while (start < rows.size() && !(ascending ? order.compare(rows.get(start), after) > 0
                    : order.compare(rows.get(start), after) < 0)) {
                start++;
            }
        }
        List<Row> slice = rows.subList(start, Math.min(rows.size(), start + limit));
        String next = start + limit < rows.size() ? encode(slice.getLast()) : null;
        String backwards = slice.isEmpty() ? null : encode(slice.getFirst());
        return new ThreadListResponse(slice.stream().map(Row::thread).toList(), next, backwards);
    }

    /** The thread as the list shows it: live state for threads loaded here, the index entry otherwise. */
    private AppServerThread view(ThreadRecord r) {
        LiveThread live = liveThreads.apply(r.id());
        if (live == null) {
            return ThreadObjects.stored(r, List.of());
        }
        AppServerThread t = ThreadObjects.live(live, waitingOnApproval.test(live), List.of());
        return new AppServerThread(t.id(), t.forkedFromId(), t.preview(), t.ephemeral(), t.modelProvider(),
                r.createdAt().getEpochSecond(), Math.max(t.updatedAt(), r.updatedAt().getEpochSecond()), t.status(),
                r.rolloutPath().toString(), r.cwd(), t.cliVersion(), t.source(), t.agentNickname(), t.agentRole(),
                t.gitInfo(), r.title(), List.of());
    }

    private static boolean matches(ThreadRecord r, String search) {
        return contains(r.title(), search) || contains(r.firstUserMessage(), search);
    }

    private static boolean contains(String text, String search) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search);
    }

    /** The kind of {@code label}; plain sub-agent kinds also match the umbrella {@code subAgent} filter. */
    private static ThreadSourceKind kindOf(String label, Set<ThreadSourceKind> wanted) {
        ThreadSourceKind kind = WireValues.sourceKind(label);
        boolean subAgent = kind == ThreadSourceKind.SUB_AGENT_REVIEW || kind == ThreadSourceKind.SUB_AGENT_COMPACT
                || kind == ThreadSourceKind.SUB_AGENT_THREAD_SPAWN || kind == ThreadSourceKind.SUB_AGENT_OTHER;
        return subAgent && !wanted.contains(kind) && wanted.contains(ThreadSourceKind.SUB_AGENT)
                ? ThreadSourceKind.SUB_AGENT : kind;
    }

    /** Source labels the index can filter on, or empty (no index filter) when a kind needs structured labels. */
    private static Set<String> indexLabels(Set<ThreadSourceKind> kinds) {
        Set<String> labels = new HashSet<>();
        for (ThreadSourceKind k : kinds) {
            String label = WireValues.label(k);
            if (label == null) {
                return Set.of();
            }
            labels.add(label);
        }
        return labels;
    }

    private static Set<String> cwds(JsonNode cwd) {
        if (cwd == null || cwd.isNull()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        if (cwd.isString()) {
            out.add(normalize(cwd.stringValue()));
        } else if (cwd.isArray()) {
            for (JsonNode c : cwd) {
                if (!c.isString()) {
                    throw new RpcException(ErrorCodes.INVALID_PARAMS, "cwd must be a string or an array of strings");
                }
                out.add(normalize(c.stringValue()));
            }
        } else {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "cwd must be a string or an array of strings");
        }
        return out;
    }

    private static String normalize(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    private static String encode(Row row) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((row.key() + ":" + row.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for. */
    private static Row decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            long key = Long.parseLong(raw.substring(0, colon));
            return new Row(key, raw.substring(colon + 1), null);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new RpcException(ErrorCodes.INVALID_PARAMS, "invalid cursor: " + cursor);
        }
    }
}
