package dev.jcodex.state;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One thread as the index knows it.
 *
 * Times are kept at millisecond precision, as stored.
 *
 * @param id thread id
 * @param rolloutPath absolute path of its rollout file (under {@code archived_sessions/} once archived)
 * @param cwd working directory the thread started in
 * @param title the thread's name ({@code thread_name}), or {@code null} when unnamed
 * @param firstUserMessage the first real user message (the preview), or {@code null} before the first turn
 * @param model the model of the newest recorded turn, or {@code null}
 * @param modelProvider provider id
 * @param source source label ({@code cli}, {@code exec}, {@code vscode}, {@code mcp}, or compact JSON)
 * @param cliVersion version of the binary that created it, or {@code null}
 * @param forkedFromId the thread it was forked from, or {@code null}
 * @param gitSha commit at start, or {@code null}
 * @param gitBranch branch at start, or {@code null}
 * @param gitOriginUrl repository URL at start, or {@code null}
 * @param createdAt creation time
 * @param updatedAt time of the newest recorded activity
 * @param archivedAt when it was archived, or {@code null} while active
 */
public record ThreadRecord(
        String id,
        Path rolloutPath,
        String cwd,
        String title,
        String firstUserMessage,
        String model,
        String modelProvider,
        String source,
        String cliVersion,
        String forkedFromId,
        String gitSha,
        String gitBranch,
        String gitOriginUrl,
        Instant createdAt,
        Instant updatedAt,
        Instant archivedAt) {

    public ThreadRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rolloutPath, "rolloutPath");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        cwd = cwd == null ? "" : cwd;
        source = source == null ? "" : source;
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        archivedAt = archivedAt == null ? null : archivedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The record of a thread that has just started, from its {@code session_meta}. */
    public static ThreadRecord started(SessionMeta meta, Path rolloutPath) {
        Instant created = parseOr(meta.timestamp(), Instant.now());
        SessionMeta.GitInfo git = meta.git();
        return new ThreadRecord(meta.id(), rolloutPath.toAbsolutePath(), meta.cwd(), null, null, null,
                meta.modelProvider(), meta.sourceLabel(), meta.cliVersion(), meta.forkedFromId(),
                git == null ? null : git.commitHash(), git == null ? null : git.branch(),
                git == null ? null : git.repositoryUrl(), created, created, null);
    }

    /**
     * This record after a turn ended: newer {@code updatedAt}, the turn's model, and the first user message if
     * none was known.
     */
    public ThreadRecord afterTurn(Instant when, String turnModel, String userMessage) {
        return new ThreadRecord(id, rolloutPath, cwd, title, firstUserMessage == null ? userMessage : firstUserMessage,
                turnModel == null ? model : turnModel, modelProvider, source, cliVersion, forkedFromId, gitSha,
                gitBranch, gitOriginUrl, createdAt, when.isAfter(updatedAt) ? when : updatedAt, archivedAt);
    }

    /** Whether the thread is archived. */
    public boolean archived() {
        return archivedAt != null;
    }

    ThreadRecord withTitle(String newTitle) {
        return new ThreadRecord(id, rolloutPath, cwd, newTitle, firstUserMessage, model, modelProvider, source,
                cliVersion, forkedFromId, gitSha, gitBranch, gitOriginUrl, createdAt, updatedAt, archivedAt);
    }

    ThreadRecord withLocation(Path path, Instant newArchivedAt) {
        return new ThreadRecord(id, path, cwd, title, firstUserMessage, model, modelProvider, source, cliVersion,
                forkedFromId, gitSha, gitBranch, gitOriginUrl, createdAt, updatedAt, newArchivedAt);
    }

    static Instant parseOr(String text, Instant fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
