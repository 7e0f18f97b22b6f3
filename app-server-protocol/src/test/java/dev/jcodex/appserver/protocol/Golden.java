package dev.jcodex.appserver.protocol;

import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Reads golden files from the test class path. */
final class Golden {
    private Golden() {}

    static String text(String name) {
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String name) {
        return ProtocolJson.tree(text(name));
    }

    static boolean exists(String name) {
        return Golden.class.getClassLoader().getResource("golden/" + name) != null;
    }
}
