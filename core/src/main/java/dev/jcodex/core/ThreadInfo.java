package dev.jcodex.core;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Identity of a thread.
 *
 * @param id thread id (UUIDv7)
 * @param forkedFromId the thread this one was forked from, or null
 * @param rolloutPath the rollout file, or null for ephemeral threads
 * @param ephemeral whether nothing is persisted
 * @param source session source ({@code exec}, {@code cli}, …)
 * @param createdAt creation time
 * @param cliVersion version of the binary that created it
 */
public record ThreadInfo(String id, String forkedFromId, Path rolloutPath, boolean ephemeral, String source,
        Instant createdAt, String cliVersion) {}
