package dev.jcodex.config;

import java.nio.file.Path;
import org.tomlj.TomlPosition;

/**
 * Where a config value came from: a file position, a {@code -c} override, a command-line flag or a built-in
 * default. {@code baseDir} anchors relative paths written in that source.
 *
 * @param source file path, {@code -c key=value}, or a description
 * @param baseDir directory that relative paths in this source are resolved against
 * @param line 1-based line, or 0 when there is no position
 * @param column 1-based column, or 0 when there is no position
 */
record Origin(String source, Path baseDir, int line, int column) {

    static Origin file(Path file, TomlPosition position) {
        Path dir = file.toAbsolutePath().getParent();
        return position == null
                ? new Origin(file.toString(), dir, 0, 0)
                : new Origin(file.toString(), dir, position.line(), position.column());
    }

    static Origin override(String raw, Path cwd) {
        return new Origin("-c " + raw, cwd, 0, 0);
    }

    static Origin flag(String description, Path cwd) {
        return new Origin(description, cwd, 0, 0);
    }

    /** The same source at another position (a nested key or an array element). */
    Origin at(TomlPosition position) {
        return position == null ? this : new Origin(source, baseDir, position.line(), position.column());
    }

    /** {@code file:line:column}, or just the source when there is no position. */
    String describe() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
