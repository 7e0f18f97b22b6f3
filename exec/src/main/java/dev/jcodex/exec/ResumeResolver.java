package dev.jcodex.exec;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.ThreadListParams;
import dev.jcodex.appserver.protocol.ThreadListResponse;
import dev.jcodex.appserver.protocol.ThreadSortKey;
import dev.jcodex.appserver.protocol.ThreadSourceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the thread {@code codex exec resume} continues, through {@code thread/list} only: {@code --last} takes the
 * most recently updated thread of the current provider whose cwd matches (any cwd with {@code --all}); a UUID is
 * used as is; anything else is matched exactly against thread names. Empty means "start a new thread".
 */
final class ResumeResolver {
    private static final int PAGE_SIZE = 100;
    private static final Pattern UUID = Pattern.compile(
            "(?i)(urn:uuid:)?\\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}}?");

    private ResumeResolver() {}

    static Optional<String> resolve(AppServerClient client, ExecOptions options) {
        Predicate<AppServerThread> inCwd = t -> options.resumeAll() || sameDirectory(options.cwd(), t.cwd());
        return switch (options.resume()) {
            case ResumeTarget.None n -> Optional.empty();
            case ResumeTarget.Unspecified u -> Optional.empty();
            case ResumeTarget.Last l -> firstMatch(client,
                    options.modelProvider() == null ? null : List.of(options.modelProvider()), null, inCwd);
            case ResumeTarget.ById id -> UUID.matcher(id.idOrName()).matches()
                    ? Optional.of(id.idOrName())
                    : firstMatch(client, null, id.idOrName(),
                            inCwd.and(t -> id.idOrName().equals(t.name())));
        };
    }

    private static Optional<String> firstMatch(AppServerClient client, List<String> providers, String searchTerm,
            Predicate<AppServerThread> accept) {
        String cursor = null;
        do {
            ThreadListResponse page = client.threadList(new ThreadListParams(cursor, PAGE_SIZE, ThreadSortKey.UPDATED_AT,
                    null, providers, ThreadSourceKind.all(), false, null, false, searchTerm));
            for (AppServerThread thread : page.data()) {
                if (accept.test(thread)) {
                    return Optional.of(thread.id());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return Optional.empty();
    }

    /** Both paths name the same directory (after resolving symlinks when they exist). */
    static boolean sameDirectory(Path cwd, String other) {
        if (other == null) {
            return false;
        }
        return canonical(cwd).equals(canonical(Path.of(other)));
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
