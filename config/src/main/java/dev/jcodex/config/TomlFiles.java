package dev.jcodex.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/** Reads TOML files into {@link TomlNode} trees with precise errors. */
final class TomlFiles {

    private TomlFiles() {}

    /** The parsed file, or null when it does not exist. */
    static TomlNode.Table readIfExists(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        return TomlNode.Table.fromToml(parse(file, readText(file)), Origin.file(file, null));
    }

    /** The text of a config file, without a UTF-8 byte-order mark. */
    static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory, expected a TOML file");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException("failed to read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code text}; a syntax error becomes {@code file:line:col: message}. */
    static TomlParseResult parse(Path file, String text) {
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            List<TomlParseError> errors = result.errors();
            TomlParseError first = errors.getFirst();
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : "";
            throw ConfigException.at(Origin.file(file, first.position()),
                    "TOML parse error: " + first.getMessage() + more);
        }
        return result;
    }
}
