package dev.jcodex.cli;

import dev.jcodex.protocol.ProtocolJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Training only (used by {@code codex debug aot-train}, never by a user command): a loopback HTTP/1.1 server that
 * answers each {@code POST …/responses} with the next queued Responses API SSE stream, the way the conformance
 * mock does (chunked, keep-alive), so the AOT cache sees the real request/stream path of the model client.
 */
final class AotTrainServer implements AutoCloseable {
    private final ServerSocket socket;
    private final ConcurrentLinkedQueue<List<Map<String, Object>>> responses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger served = new AtomicInteger();
    private final Thread acceptor;

    private AotTrainServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofPlatform().daemon().name("aot-train-server").start(this::acceptLoop);
    }

    /** Listens on 127.0.0.1, a free port. */
    static AotTrainServer start() {
        try {
            return new AotTrainServer(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** Model requests answered so far. */
    int served() {
        return served.get();
    }

    /** Queues one response stream made of {@code items} (output items as the Responses API sends them). */
    void enqueue(List<Map<String, Object>> items) {
        responses.add(items);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket cannot fail in a way that matters for training
        }
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    if (colon > 0) {
                        headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                    }
                }
                readBody(in, headers);
                if (requestLine.startsWith("POST ") && requestLine.contains("/responses")) {
                    List<Map<String, Object>> items = responses.poll();
                    stream(out, items == null ? List.of(message("(aot-train: script exhausted)")) : items);
                } else {
                    byte[] body = "{\"error\":{\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away; training carries on
        }
    }

    private void stream(OutputStream out, List<Map<String, Object>> items) throws IOException {
        int n = served.incrementAndGet();
        String id = "resp_" + n;
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\nx-request-id: aot_" + n + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        event(out, Map.of("type", "response.created", "response",
                Map.of("id", id, "object", "response", "status", "in_progress", "model", "mock-model")));
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            event(out, Map.of("type", "response.output_item.added", "output_index", i, "item", item));
            if ("message".equals(item.get("type"))) {
                String text = text(item);
                String itemId = (String) item.get("id");
                int half = text.length() / 2;
                for (String piece : List.of(text.substring(0, half), text.substring(half))) {
                    event(out, Map.of("type", "response.output_text.delta", "item_id", itemId, "output_index", i,
                            "content_index", 0, "delta", piece));
                }
                event(out, Map.of("type", "response.output_text.done", "item_id", itemId, "output_index", i,
                        "content_index", 0, "text", text));
            } else if ("function_call".equals(item.get("type"))) {
                event(out, Map.of("type", "response.function_call_arguments.delta", "item_id", item.get("id"),
                        "output_index", i, "delta", item.get("arguments")));
            } else if ("custom_tool_call".equals(item.get("type"))) {
                event(out, Map.of("type", "response.custom_tool_call_input.delta", "item_id", item.get("id"),
                        "output_index", i, "delta", item.get("input")));
            }
            event(out, Map.of("type", "response.output_item.done", "output_index", i, "item", item));
        }
        Map<String, Object> usage = Map.of("input_tokens", 100, "input_tokens_details", Map.of("cached_tokens", 0),
                "output_tokens", 20, "output_tokens_details", Map.of("reasoning_tokens", 0), "total_tokens", 120);
        event(out, Map.of("type", "response.completed", "response", Map.of("id", id, "object", "response",
                "status", "completed", "model", "mock-model", "output", items, "usage", usage)));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void event(OutputStream out, Map<String, Object> event) throws IOException {
        byte[] frame = ("event: " + event.get("type") + "\ndata: " + ProtocolJson.write(event) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(frame.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(frame);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String text(Map<String, Object> message) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content = (List<Map<String, Object>>) message.get("content");
        return (String) content.getFirst().get("text");
    }

    /** An assistant message output item. */
    static Map<String, Object> message(String text) {
        return Map.of("type", "message", "role", "assistant", "id", "msg_" + Integer.toHexString(text.hashCode()),
                "status", "completed",
                "content", List.of(Map.of("type", "output_text", "text", text, "annotations", List.of())));
    }

    /** A function call output item; {@code argumentsJson} is the JSON text of the arguments. */
    static Map<String, Object> functionCall(String callId, String name, String argumentsJson) {
        return Map.of("type", "function_call", "id", "fc_" + callId, "call_id", callId, "name", name,
                "arguments", argumentsJson, "status", "completed");
    }

    /** A freeform (custom) tool call output item, e.g. {@code apply_patch}. */
    static Map<String, Object> customToolCall(String callId, String name, String input) {
        return Map.of("type", "custom_tool_call", "id", "ctc_" + callId, "call_id", callId, "name", name,
                "input", input, "status", "completed");
    }

    /** A reasoning output item with one summary line. */
    static Map<String, Object> reasoning(String summary) {
        return Map.of("type", "reasoning", "id", "rs_" + Integer.toHexString(summary.hashCode()),
                "summary", List.of(Map.of("type", "summary_text", "text", summary)),
                "encrypted_content", "ZW5jcnlwdGVkLXJlYXNvbmluZw==");
    }

    private static void readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size = line(in); size != null; size = line(in)) {
                int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                if (n == 0) {
                    line(in);
                    return;
                }
                in.readNBytes(n);
                line(in);
            }
        }
    }

    /** One CRLF-terminated line (ASCII), or null at end of stream. */
    private static String line(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return bytes.toString(StandardCharsets.US_ASCII).stripTrailing();
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : "";
    }
}
