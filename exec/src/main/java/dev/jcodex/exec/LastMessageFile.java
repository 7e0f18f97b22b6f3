package dev.jcodex.exec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code -o FILE}: the final message, or an empty file and a warning when there is none. */
final class LastMessageFile {
    private LastMessageFile() {}

    static void write(Path path, String message, PrintStream err) {
        try {
            Files.writeString(path, message == null ? "" : message, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.print("Failed to write last message file \"" + path + "\": " + e.getMessage() + "\n");
        }
        if (message == null) {
            err.print("Warning: no last agent message; wrote empty content to " + path + "\n");
        }
    }
}
