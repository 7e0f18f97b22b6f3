package dev.jcodex.modelclient;

/** Turns the SSE events of one HTTP response body into {@link ResponseEvent}s (one per wire API). */
interface StreamDecoder {

    /** Handles one SSE event. */
    void onEvent(SseParser.SseEvent event, EventSink sink);

    /** The body ended normally: emit the final events or fail ("stream closed before response.completed"). */
    void onEnd(EventSink sink);

    /** Where decoded events go. After {@link #fail} the stream is over and further output is ignored. */
    interface EventSink {
        void emit(ResponseEvent event);

        void fail(ModelClientException error);
    }

    /** The error for a body that ended before the response completed. */
    static ModelClientException closedEarly() {
        return new ModelClientException.StreamFailed("stream closed before response.completed", null, null);
    }
}
