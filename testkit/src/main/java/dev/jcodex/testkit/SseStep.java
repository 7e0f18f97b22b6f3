package dev.jcodex.testkit;

import java.time.Duration;
import java.util.List;

/**
 * One step of a scripted model stream (see {@link MockResponse.StreamBuilder}), rendered as Responses events or
 * as Chat Completions chunks, like the shorthand of the conformance mock.
 */
public sealed interface SseStep {

    /** An assistant message whose text is streamed as {@code chunks} deltas. */
    record Message(String id, List<String> chunks, String phase) implements SseStep {
        public Message {
            chunks = List.copyOf(chunks);
        }

        String text() {
            return String.join("", chunks);
        }
    }

    /** A reasoning item with summary parts, raw content parts and opaque encrypted content (may be null). */
    record Reasoning(String id, List<String> summary, List<String> content, String encryptedContent)
            implements SseStep {
        public Reasoning {
            summary = List.copyOf(summary);
            content = List.copyOf(content);
        }
    }

    /** A function tool call; on the chat path the arguments are split over {@code argumentChunks} deltas. */
    record FunctionCall(String id, String callId, String name, String arguments, int argumentChunks)
            implements SseStep {}

    /** A freeform (custom) tool call; on the chat path it becomes a function call with {@code {"input": …}}. */
    record CustomToolCall(String id, String callId, String name, String input) implements SseStep {}

    /** {@code response.failed} with an error code and message; suppresses {@code response.completed}. */
    record Failed(String code, String message) implements SseStep {}

    /** {@code response.incomplete} with a reason; suppresses {@code response.completed}. */
    record Incomplete(String reason) implements SseStep {}

    /** A JSON event sent as-is (Responses: {@code event: <type>}; chat: one {@code data:} chunk). */
    record RawEvent(String json) implements SseStep {}

    /** Bytes written verbatim (comments, keep-alives, malformed frames). */
    record RawBytes(byte[] bytes) implements SseStep {}

    /** A pause mid-stream. */
    record Sleep(Duration duration) implements SseStep {}

    /** Drop the TCP connection here (no chunked terminator). */
    record Disconnect() implements SseStep {}

    /** Stop sending but keep the connection open until the client goes away or the server closes. */
    record Stall() implements SseStep {}
}
