package dev.jcodex.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What a renderer asks the server to do next while streaming. */
sealed interface Wire {

    /** Bytes to write and flush (one SSE frame or verbatim bytes). */
    record Frame(byte[] bytes) implements Wire {
        static Frame responsesEvent(ObjectNode event) {
            String type = event.path("type").asString("message");
            return text("event: " + type + "\ndata: " + JSON.writeValueAsString(event) + "\n\n");
        }

        static Frame data(String payload) {
            return text("data: " + payload + "\n\n");
        }

        static Frame text(String s) {
            return new Frame(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sleep, then continue. */
    record Pause(Duration duration) implements Wire {}

    /** Drop the connection. */
    record Drop() implements Wire {}

    /** Keep the connection open without sending anything more. */
    record Hang() implements Wire {}

    /** The JSON mapper the renderers build events with (insertion-ordered members). */
    JsonMapper JSON = JsonMapper.builder().build();
}
