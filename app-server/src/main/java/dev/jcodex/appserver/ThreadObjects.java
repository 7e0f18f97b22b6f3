package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.GitInfo;
import dev.jcodex.appserver.protocol.ThreadStatus;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.core.CodexThread;
import dev.jcodex.core.ThreadInfo;
import dev.jcodex.core.TurnRecord;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.protocol.UserInput;
import dev.jcodex.state.ThreadRecord;
import java.util.List;
import java.util.stream.Collectors;

/** Builds v2 {@link AppServerThread} objects from live threads and from index entries. */
final class ThreadObjects {
    private ThreadObjects() {}

    /** A stored thread that is not loaded here. */
    static AppServerThread stored(ThreadRecord r, List<Turn> turns) {
        return new AppServerThread(r.id(), r.forkedFromId(), r.firstUserMessage() == null ? "" : r.firstUserMessage(),
                false, r.modelProvider(), r.createdAt().getEpochSecond(), r.updatedAt().getEpochSecond(),
                new ThreadStatus.NotLoaded(), r.rolloutPath().toString(), r.cwd(), r.cliVersion(),
                WireValues.source(r.source()), null, null, gitInfo(r), r.title(), turns);
    }

    /** A loaded thread; {@code waitingOnApproval} adds that flag while a turn runs. */
    static AppServerThread live(LiveThread live, boolean waitingOnApproval, List<Turn> turns) {
        CodexThread t = live.thread();
        ThreadInfo info = t.info();
        List<TurnRecord> records = t.turns();
        ThreadRecord stored = live.stored();
        long created = info.createdAt().getEpochSecond();
        long updated = Math.max(created, stored == null ? created : stored.updatedAt().getEpochSecond());
        for (TurnRecord r : records) {
            long last = r.completedAtMs() != null ? r.completedAtMs() : r.startedAtMs();
            updated = Math.max(updated, last / 1000);
        }
        ThreadStatus status = t.activeTurnId() == null ? new ThreadStatus.Idle()
                : new ThreadStatus.Active(waitingOnApproval ? List.of("waitingOnApproval") : List.of());
        return new AppServerThread(info.id(), info.forkedFromId(), preview(stored, records), info.ephemeral(),
                t.settings().modelProviderId(), created, updated, status,
                info.rolloutPath() == null ? null : info.rolloutPath().toString(), t.settings().cwd().toString(),
                info.cliVersion(), WireValues.source(info.source()), null, null,
                stored == null ? null : gitInfo(stored), stored == null ? null : stored.title(), turns);
    }

    /** The stored preview, else the text of the first user message this server saw, else {@code ""}. */
    static String preview(ThreadRecord stored, List<TurnRecord> records) {
        if (stored != null && stored.firstUserMessage() != null) {
            return stored.firstUserMessage();
        }
        for (TurnRecord r : records) {
            for (TurnItem item : r.items()) {
                if (item instanceof TurnItem.UserMessage u) {
                    String text = text(u.content());
                    if (!text.isBlank()) {
                        return text;
                    }
                }
            }
        }
        return "";
    }

    private static String text(List<UserInput> content) {
        return content.stream().filter(UserInput.Text.class::isInstance).map(c -> ((UserInput.Text) c).text())
                .collect(Collectors.joining("\n"));
    }

    private static GitInfo gitInfo(ThreadRecord r) {
        if (r.gitSha() == null && r.gitBranch() == null && r.gitOriginUrl() == null) {
            return null;
        }
        return new GitInfo(r.gitSha(), r.gitBranch(), r.gitOriginUrl());
    }
}
