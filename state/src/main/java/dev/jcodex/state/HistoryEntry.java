package dev.jcodex.state;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of {@code history.jsonl}: {@code {"session_id":"<thread uuid>","ts":<unix seconds>,"text":"…"}}.
 * Older files spell the id {@code conversation_id}; both are read.
 */
public record HistoryEntry(
        @JsonProperty("session_id") @JsonAlias("conversation_id") String sessionId,
        @JsonProperty("ts") long ts,
        @JsonProperty("text") String text) {}
