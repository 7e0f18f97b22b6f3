package dev.jcodex.modelclient;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-request identity the model client turns into headers (spec §3.4): {@code session-id}, {@code thread-id}
 * and {@code x-client-request-id} = thread id; {@code x-codex-window-id} = {@code <thread>:<generation>};
 * {@code x-codex-turn-metadata}; {@code x-codex-beta-features} (comma list, when non-empty);
 * {@code x-codex-turn-state} (when known); {@code originator} and {@code user-agent}; plus extra headers
 * (e.g. {@code x-openai-subagent}).
 *
 * @param threadId the thread (conversation) id
 * @param turnId the turn id (for logs; the server sees it inside the turn metadata)
 * @param userAgent originator, version and platform parts
 * @param windowGeneration context window generation (bumped by compaction)
 * @param turnMetadataJson the {@code x-codex-turn-metadata} JSON text, or null
 * @param betaFeatures enabled experimental feature keys
 * @param extraHeaders additional headers, sent as given
 * @param turnState sticky-routing token from an earlier response of this turn, or null
 */
public record RequestContext(String threadId, String turnId, UserAgent userAgent, long windowGeneration,
                             String turnMetadataJson, List<String> betaFeatures, Map<String, String> extraHeaders,
                             String turnState) {

    public RequestContext {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(userAgent, "userAgent");
        betaFeatures = betaFeatures == null ? List.of() : List.copyOf(betaFeatures);
        extraHeaders = extraHeaders == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extraHeaders));
    }

    /** A context with no turn id, generation 0 and no optional headers. */
    public static RequestContext of(String threadId, UserAgent userAgent) {
        return new RequestContext(threadId, null, userAgent, 0, null, List.of(), Map.of(), null);
    }

    /** A copy for another turn. */
    public RequestContext withTurn(String newTurnId, String newTurnMetadataJson) {
        return new RequestContext(threadId, newTurnId, userAgent, windowGeneration, newTurnMetadataJson,
                betaFeatures, extraHeaders, null);
    }

    /** A copy with another window generation. */
    public RequestContext withWindowGeneration(long generation) {
        return new RequestContext(threadId, turnId, userAgent, generation, turnMetadataJson, betaFeatures,
                extraHeaders, turnState);
    }

    /** A copy with these beta feature keys. */
    public RequestContext withBetaFeatures(List<String> features) {
        return new RequestContext(threadId, turnId, userAgent, windowGeneration, turnMetadataJson, features,
                extraHeaders, turnState);
    }

    /** A copy with one more extra header. */
    public RequestContext withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(extraHeaders);
        h.put(name, value);
        return new RequestContext(threadId, turnId, userAgent, windowGeneration, turnMetadataJson, betaFeatures, h,
                turnState);
    }

    /** A copy replaying {@code x-codex-turn-state}. */
    public RequestContext withTurnState(String token) {
        return new RequestContext(threadId, turnId, userAgent, windowGeneration, turnMetadataJson, betaFeatures,
                extraHeaders, token);
    }

    /** {@code <thread id>:<window generation>}. */
    public String windowId() {
        return threadId + ":" + windowGeneration;
    }
}
