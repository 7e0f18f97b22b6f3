package dev.jcodex.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of {@link MockResponsesServer}: either an SSE stream ({@link Stream}, built with
 * {@link #sse()}) or an HTTP error with a JSON body ({@link HttpError}, built with {@link #httpError(int)}).
 *
 * <p>The same stream script answers {@code POST …/responses} (Responses events) and
 * {@code POST …/chat/completions} ({@code chat.completion.chunk} data lines ending in {@code [DONE]}).
 */
public sealed interface MockResponse {

    /** Starts an SSE stream script. */
    static StreamBuilder sse() {
        return new StreamBuilder();
    }

    /** A plain assistant reply streamed in one chunk. */
    static Stream reply(String text) {
        return sse().message(text).build();
    }

    /** An HTTP error with the conformance mock's default JSON body. */
    static HttpError httpError(int status) {
        String body = "{\"error\":{\"message\":\"mock error " + status
                + "\",\"type\":\"server_error\",\"code\":null,\"param\":null}}";
        return new HttpError(status, Map.of(), body, Duration.ZERO);
    }

    /**
     * A non-200 answer.
     *
     * @param status HTTP status
     * @param headers extra response headers (e.g. {@code retry-after})
     * @param jsonBody body sent with {@code content-type: application/json}
     * @param delayBeforeHeaders pause before the status line
     */
    record HttpError(int status, Map<String, String> headers, String jsonBody, Duration delayBeforeHeaders)
            implements MockResponse {
        public HttpError {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(jsonBody);
            Objects.requireNonNull(delayBeforeHeaders);
        }

        /** A copy with one more response header. */
        public HttpError withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new HttpError(status, h, jsonBody, delayBeforeHeaders);
        }

        /** A copy with this JSON body. */
        public HttpError withBody(String json) {
            return new HttpError(status, headers, json, delayBeforeHeaders);
        }

        /** A copy whose status line is delayed. */
        public HttpError withDelay(Duration delay) {
            return new HttpError(status, headers, jsonBody, delay);
        }
    }

    /**
     * A 200 SSE answer. Built with {@link StreamBuilder}; see its methods for the meaning of each setting.
     */
    record Stream(String responseId, String model, List<SseStep> steps, Map<String, String> headers,
                  boolean envelope, String usageJson, Duration eventDelay, Duration delayBeforeHeaders,
                  int disconnectAfter) implements MockResponse {
        public Stream {
            steps = List.copyOf(steps);
            headers = Map.copyOf(headers);
        }
    }

    /** Builder of a {@link Stream}. Steps are sent in the order they are added. */
    final class StreamBuilder {
        private String responseId;
        private String model = "mock-model";
        private final List<SseStep> steps = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean envelope = true;
        private String usageJson = defaultUsage();
        private Duration eventDelay = Duration.ZERO;
        private Duration delayBeforeHeaders = Duration.ZERO;
        private int disconnectAfter = -1;
        private int itemCounter;

        StreamBuilder() {}

        /** Response id used in {@code response.created}/{@code completed} (default {@code resp_<n>}). */
        public StreamBuilder responseId(String id) {
            this.responseId = id;
            return this;
        }

        /** Model name reported in the envelope events and chat chunks. */
        public StreamBuilder model(String model) {
            this.model = model;
            return this;
        }

        /** An assistant message sent as one delta. */
        public StreamBuilder message(String text) {
            return message(text, 1);
        }

        /** An assistant message split into {@code chunks} roughly equal deltas. */
        public StreamBuilder message(String text, int chunks) {
            return messageParts(null, splitChunks(text, chunks), null);
        }

        /** An assistant message with explicit delta pieces, item id (null = generated) and phase (null = none). */
        public StreamBuilder messageParts(String id, List<String> pieces, String phase) {
            steps.add(new SseStep.Message(id == null ? "msg_" + (++itemCounter) : id, pieces, phase));
            return this;
        }

        /** A reasoning item; {@code encryptedContent} may be null. */
        public StreamBuilder reasoning(List<String> summary, List<String> content, String encryptedContent) {
            steps.add(new SseStep.Reasoning("rs_" + (++itemCounter), summary, content, encryptedContent));
            return this;
        }

        /** A function call whose JSON {@code arguments} arrive in one piece. */
        public StreamBuilder functionCall(String callId, String name, String arguments) {
            return functionCall(callId, name, arguments, 1);
        }

        /** A function call; the chat rendering streams the arguments over {@code chunks} tool-call deltas. */
        public StreamBuilder functionCall(String callId, String name, String arguments, int chunks) {
            steps.add(new SseStep.FunctionCall("fc_" + (++itemCounter), callId, name, arguments, chunks));
            return this;
        }

        /** A freeform tool call (e.g. {@code apply_patch}) with raw input. */
        public StreamBuilder customToolCall(String callId, String name, String input) {
            steps.add(new SseStep.CustomToolCall("ctc_" + (++itemCounter), callId, name, input));
            return this;
        }

        /** {@code response.failed} with {@code error.code}/{@code error.message}; no completion follows. */
        public StreamBuilder failed(String code, String message) {
            steps.add(new SseStep.Failed(code, message));
            return this;
        }

        /** {@code response.incomplete} with {@code incomplete_details.reason}; no completion follows. */
        public StreamBuilder incomplete(String reason) {
            steps.add(new SseStep.Incomplete(reason));
            return this;
        }

        /** A raw JSON event (its {@code type} names the SSE event on the Responses path). */
        public StreamBuilder rawEvent(String json) {
            steps.add(new SseStep.RawEvent(json));
            return this;
        }

        /** Text written verbatim to the stream (comments, keep-alives, malformed frames). */
        public StreamBuilder rawText(String text) {
            steps.add(new SseStep.RawBytes(text.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /** Bytes written verbatim, e.g. half of a UTF-8 sequence. */
        public StreamBuilder rawBytes(byte[] bytes) {
            steps.add(new SseStep.RawBytes(Arrays.copyOf(bytes, bytes.length)));
            return this;
        }

        /** A pause at this point of the stream. */
        public StreamBuilder sleep(Duration duration) {
            steps.add(new SseStep.Sleep(duration));
            return this;
        }

        /** Drops the connection at this point (no terminating chunk). */
        public StreamBuilder disconnect() {
            steps.add(new SseStep.Disconnect());
            return this;
        }

        /** Stops sending at this point but keeps the connection open (until the client leaves or close()). */
        public StreamBuilder stall() {
            steps.add(new SseStep.Stall());
            return this;
        }

        /** Drops the connection after {@code n} frames have been written. */
        public StreamBuilder disconnectAfter(int n) {
            this.disconnectAfter = n;
            return this;
        }

        /** Leaves out {@code response.created} and {@code response.completed} (chat: the usage chunk and [DONE]). */
        public StreamBuilder withoutEnvelope() {
            this.envelope = false;
            return this;
        }

        /** The usage object of {@code response.completed}. */
        public StreamBuilder usage(long input, long cached, long output, long reasoning) {
            this.usageJson = "{\"input_tokens\":" + input + ",\"input_tokens_details\":{\"cached_tokens\":" + cached
                    + "},\"output_tokens\":" + output + ",\"output_tokens_details\":{\"reasoning_tokens\":"
                    + reasoning + "},\"total_tokens\":" + (input + output) + "}";
            return this;
        }

        /** An extra response header (e.g. rate-limit headers, {@code openai-model}). */
        public StreamBuilder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A pause between consecutive frames. */
        public StreamBuilder eventDelay(Duration delay) {
            this.eventDelay = delay;
            return this;
        }

        /** A pause before the status line. */
        public StreamBuilder delayBeforeHeaders(Duration delay) {
            this.delayBeforeHeaders = delay;
            return this;
        }

        /** The finished script. */
        public Stream build() {
            return new Stream(responseId, model, steps, headers, envelope, usageJson, eventDelay,
                    delayBeforeHeaders, disconnectAfter);
        }

        private static String defaultUsage() {
            return "{\"input_tokens\":100,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":20,"
                    + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":120}";
        }

        static List<String> splitChunks(String text, int chunks) {
            int n = Math.max(1, chunks);
            int codePoints = text.codePointCount(0, text.length());
            if (n == 1 || codePoints <= 1) {
                return List.of(text);
            }
            int size = Math.max(1, (codePoints + n - 1) / n);
            List<String> out = new ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int end = text.offsetByCodePoints(start, Math.min(size, text.codePointCount(start, text.length())));
                out.add(text.substring(start, end));
                start = end;
            }
            return out;
        }
    }
}
