package dev.jcodex.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * One line of {@code codex exec --json} output. Byte-compatible with the reference: {@code type} first, then the
 * payload members in declaration order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ThreadEvent.ThreadStarted.class),
        @JsonSubTypes.Type(ThreadEvent.TurnStarted.class),
        @JsonSubTypes.Type(ThreadEvent.TurnCompleted.class),
        @JsonSubTypes.Type(ThreadEvent.TurnFailed.class),
        @JsonSubTypes.Type(ThreadEvent.ItemStarted.class),
        @JsonSubTypes.Type(ThreadEvent.ItemUpdated.class),
        @JsonSubTypes.Type(ThreadEvent.ItemCompleted.class),
        @JsonSubTypes.Type(ThreadEvent.Error.class)})
public sealed interface ThreadEvent {

    @JsonTypeName("thread.started")
    record ThreadStarted(@JsonProperty("thread_id") String threadId) implements ThreadEvent {}

    @JsonTypeName("turn.started")
    record TurnStarted() implements ThreadEvent {}

    @JsonTypeName("turn.completed")
    record TurnCompleted(@JsonProperty("usage") Usage usage) implements ThreadEvent {}

    @JsonTypeName("turn.failed")
    record TurnFailed(@JsonProperty("error") ErrorBody error) implements ThreadEvent {}

    @JsonTypeName("item.started")
    record ItemStarted(@JsonProperty("item") ExecItem item) implements ThreadEvent {}

    @JsonTypeName("item.updated")
    record ItemUpdated(@JsonProperty("item") ExecItem item) implements ThreadEvent {}

    @JsonTypeName("item.completed")
    record ItemCompleted(@JsonProperty("item") ExecItem item) implements ThreadEvent {}

    @JsonTypeName("error")
    record Error(@JsonProperty("message") String message) implements ThreadEvent {}

    /** {@code {"message": …}}. */
    record ErrorBody(@JsonProperty("message") String message) {}

    /** Thread-cumulative usage reported with {@code turn.completed}. */
    record Usage(
            @JsonProperty("input_tokens") long inputTokens,
            @JsonProperty("cached_input_tokens") long cachedInputTokens,
            @JsonProperty("cache_write_input_tokens") long cacheWriteInputTokens,
            @JsonProperty("output_tokens") long outputTokens,
            @JsonProperty("reasoning_output_tokens") long reasoningOutputTokens) {

        /** The exec view of a {@link TokenUsage}. */
        public static Usage of(TokenUsage u) {
            return new Usage(u.inputTokens(), u.cachedInputTokens(), u.cacheWriteInputTokens(), u.outputTokens(),
                    u.reasoningOutputTokens());
        }
    }
}
