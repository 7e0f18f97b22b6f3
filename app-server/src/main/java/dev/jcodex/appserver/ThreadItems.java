package dev.jcodex.appserver;

import dev.jcodex.appserver.protocol.CommandExecutionSource;
import dev.jcodex.appserver.protocol.CommandExecutionStatus;
import dev.jcodex.appserver.protocol.FileUpdateChange;
import dev.jcodex.appserver.protocol.PatchApplyStatus;
import dev.jcodex.appserver.protocol.PatchChangeKind;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnError;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.core.TurnRecord;
import dev.jcodex.process.ShellWords;
import dev.jcodex.protocol.TurnItem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Core {@link TurnItem}s and {@link TurnRecord}s in their v2 forms ({@link ThreadItem}, {@link Turn}). */
final class ThreadItems {
    private ThreadItems() {}

    /** The v2 item for a core item; ids are kept. */
    static ThreadItem of(TurnItem item) {
        return switch (item) {
            case TurnItem.UserMessage u -> new ThreadItem.UserMessage(u.id(),
                    u.content().stream().map(WireValues::toWire).toList());
            case TurnItem.AgentMessage a -> new ThreadItem.AgentMessage(a.id(), a.text(), a.phase(), null);
            case TurnItem.Reasoning r -> new ThreadItem.Reasoning(r.id(), r.summaryText(), r.rawContent());
            case TurnItem.CommandExecution c -> command(c);
            case TurnItem.FileChange f -> new ThreadItem.FileChange(f.id(), changes(f.changes()), patchStatus(f.status()));
            case TurnItem.WebSearch w -> new ThreadItem.WebSearch(w.id(), w.query(), webSearchAction(w.action()));
            case TurnItem.ImageView i -> new ThreadItem.ImageView(i.id(), i.path());
            case TurnItem.ContextCompaction c -> new ThreadItem.ContextCompaction(c.id());
        };
    }

    /**
     * A command item: argv joined with shell quoting ({@code /bin/bash -lc 'echo hi'}); output, exit code and
     * duration only once the command has finished.
     */
    static ThreadItem.CommandExecution command(TurnItem.CommandExecution c) {
        boolean running = c.status() == null || c.status() == TurnItem.Status.IN_PROGRESS;
        String command = c.command() == null ? "" : ShellWords.join(c.command());
        return new ThreadItem.CommandExecution(c.id(), command, c.cwd(), c.processId(), source(c.source()),
                commandStatus(c.status()), List.of(), running ? null : c.aggregatedOutput(),
                running ? null : c.exitCode(), running ? null : c.durationMs());
    }

    /** Changed files sorted by path, each with its kind and unified diff. */
    static List<FileUpdateChange> changes(Map<String, TurnItem.FileDelta> changes) {
        if (changes == null) {
            return List.of();
        }
        return changes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new FileUpdateChange(e.getKey(), kind(e.getValue()), e.getValue().unifiedDiff()))
                .toList();
    }

    private static PatchChangeKind kind(TurnItem.FileDelta delta) {
        String kind = delta.kind() == null ? "update" : delta.kind().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "add" -> new PatchChangeKind.Add();
            case "delete" -> new PatchChangeKind.Delete();
            default -> new PatchChangeKind.Update(delta.movePath());
        };
    }

    private static CommandExecutionSource source(TurnItem.CommandSource source) {
        if (source == null) {
            return CommandExecutionSource.AGENT;
        }
        return switch (source) {
            case AGENT -> CommandExecutionSource.AGENT;
            case USER_SHELL -> CommandExecutionSource.USER_SHELL;
            case UNIFIED_EXEC_STARTUP -> CommandExecutionSource.UNIFIED_EXEC_STARTUP;
            case UNIFIED_EXEC_INTERACTION -> CommandExecutionSource.UNIFIED_EXEC_INTERACTION;
        };
    }

    private static CommandExecutionStatus commandStatus(TurnItem.Status status) {
        if (status == null) {
            return CommandExecutionStatus.IN_PROGRESS;
        }
        return switch (status) {
            case IN_PROGRESS -> CommandExecutionStatus.IN_PROGRESS;
            case COMPLETED -> CommandExecutionStatus.COMPLETED;
            case FAILED -> CommandExecutionStatus.FAILED;
            case DECLINED -> CommandExecutionStatus.DECLINED;
        };
    }

    private static PatchApplyStatus patchStatus(TurnItem.Status status) {
        if (status == null) {
            return PatchApplyStatus.IN_PROGRESS;
        }
        return switch (status) {
            case IN_PROGRESS -> PatchApplyStatus.IN_PROGRESS;
            case COMPLETED -> PatchApplyStatus.COMPLETED;
            case FAILED -> PatchApplyStatus.FAILED;
            case DECLINED -> PatchApplyStatus.DECLINED;
        };
    }

    /**
     * The Responses API action ({@code {"type":"open_page","url":…}}) in v2 form ({@code openPage},
     * {@code findInPage}, {@code search}, anything else {@code other}); null stays null.
     */
    static JsonNode webSearchAction(JsonNode action) {
        if (action == null || !action.isObject()) {
            return null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        String type = action.path("type").asString("");
        switch (type) {
            case "search" -> {
                out.put("type", "search");
                copy(action, out, "query");
                copy(action, out, "queries");
            }
            case "open_page", "openPage" -> {
                out.put("type", "openPage");
                copy(action, out, "url");
            }
            case "find_in_page", "findInPage" -> {
                out.put("type", "findInPage");
                copy(action, out, "url");
                copy(action, out, "pattern");
            }
            default -> out.put("type", "other");
        }
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, String member) {
        JsonNode value = from.get(member);
        if (value != null && !value.isNull()) {
            to.set(member, value);
        }
    }

    /** A recorded turn in v2 form: items mapped, times in unix seconds, the error message of a failed turn. */
    static Turn turn(TurnRecord record) {
        TurnStatus status = switch (record.status()) {
            case IN_PROGRESS -> TurnStatus.IN_PROGRESS;
            case COMPLETED -> TurnStatus.COMPLETED;
            case INTERRUPTED -> TurnStatus.INTERRUPTED;
            case FAILED -> TurnStatus.FAILED;
        };
        TurnError error = status == TurnStatus.FAILED && record.errorMessage() != null
                ? TurnError.of(record.errorMessage()) : null;
        Long completedAt = record.completedAtMs();
        return new Turn(record.id(), record.items().stream().map(ThreadItems::of).toList(), status, error,
                record.startedAtMs() / 1000, completedAt == null ? null : completedAt / 1000,
                completedAt == null ? null : completedAt - record.startedAtMs());
    }
}
