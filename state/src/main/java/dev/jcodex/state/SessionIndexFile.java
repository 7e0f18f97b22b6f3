package dev.jcodex.state;

import dev.jcodex.protocol.ProtocolJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $CODEX_HOME/session_index.jsonl} (spec §10.4): append-only thread names,
 * {@code {"id","thread_name","updated_at"}}; the newest entry per id wins. Names live here so the SQLite index
 * can be rebuilt without losing them.
 */
final class SessionIndexFile {
    static final String FILE_NAME = "session_index.jsonl";

    private SessionIndexFile() {}

    static void append(Path codexHome, String id, String name, Instant updatedAt) throws IOException {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", id);
        entry.put("thread_name", name);
        entry.put("updated_at", updatedAt.toString());
        byte[] line = (ProtocolJson.write(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        RolloutPaths.createPrivateDirectories(codexHome);
        try (FileChannel ch = PosixSupport.openPrivate(codexHome.resolve(FILE_NAME),
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND))) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /** The newest name per thread id ({@code null} values are cleared names). */
    static Map<String, String> latestNames(Path codexHome) throws IOException {
        Map<String, String> names = new HashMap<>();
        Path file = codexHome.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return names;
        }
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try {
                    JsonNode node = ProtocolJson.tree(line);
                    JsonNode id = node.get("id");
                    JsonNode name = node.get("thread_name");
                    if (id != null && id.isString()) {
                        names.put(id.asString(), name != null && name.isString() ? name.asString() : null);
                    }
                } catch (JacksonException e) {
                    // A torn or foreign line; older entries still count.
                }
            }
        }
        return names;
    }
}
