package dev.jcodex.modelclient;

import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.TokenUsage;

/**
 * One event of a model response, the same for the Responses API and Chat Completions (spec §3.5). A stream
 * yields header-derived events first ({@link RateLimits}, {@link ServerModel}, {@link ModelsEtag},
 * {@link TurnState}), then {@link Created}, item and delta events, and ends with exactly one {@link Completed}.
 */
public sealed interface ResponseEvent {

    /** {@code response.created}. */
    record Created() implements ResponseEvent {}

    /** {@code response.output_item.added}: an item started (agent message, reasoning, tool call, …). */
    record OutputItemAdded(ResponseItem item) implements ResponseEvent {}

    /** {@code response.output_item.done}: the authoritative item; tool calls are executed from these. */
    record OutputItemDone(ResponseItem item) implements ResponseEvent {}

    /** {@code response.output_text.delta}. */
    record OutputTextDelta(String itemId, String delta) implements ResponseEvent {}

    /** {@code response.reasoning_summary_text.delta}. */
    record ReasoningSummaryDelta(String itemId, int summaryIndex, String delta) implements ResponseEvent {}

    /** {@code response.reasoning_summary_part.added}: a new summary section begins. */
    record ReasoningSummaryPartAdded(String itemId, int summaryIndex) implements ResponseEvent {}

    /** {@code response.reasoning_text.delta} (raw reasoning; chat {@code reasoning}/{@code reasoning_content}). */
    record ReasoningContentDelta(String itemId, int contentIndex, String delta) implements ResponseEvent {}

    /** {@code response.custom_tool_call_input.delta} (e.g. apply_patch progress); {@code callId} may be null. */
    record CustomToolCallInputDelta(String itemId, String callId, String delta) implements ResponseEvent {}

    /** Rate-limit headers (or a {@code codex.rate_limits} event) of one limit family. */
    record RateLimits(RateLimitSnapshot snapshot) implements ResponseEvent {}

    /** {@code X-Models-Etag} response header: the model catalog changed on the server. */
    record ModelsEtag(String etag) implements ResponseEvent {}

    /** {@code OpenAI-Model} response header: the model that actually serves the request. */
    record ServerModel(String model) implements ResponseEvent {}

    /** {@code x-codex-turn-state} response header, to be replayed on later requests of the same turn. */
    record TurnState(String token) implements ResponseEvent {}

    /** The response finished; {@code usage} is null when the server reported none. */
    record Completed(String responseId, TokenUsage usage) implements ResponseEvent {}
}
