package dev.jcodex.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Sets up file logging for the process: {@code $CODEX_HOME/log/codex.log}, rotated by size (default 10 MiB × 5
 * files), mode 0600, at the level of {@code JCODEX_LOG} (or {@code RUST_LOG}; default {@code warn}). Values that
 * look like API keys or bearer tokens are redacted. Works through {@link JcodexLoggerFinder}, so plain
 * {@code System.getLogger(…)} calls anywhere in the process end up here; before {@code install} they are
 * dropped.
 */
public final class LogFiles implements AutoCloseable {
    /** Default size at which the log rotates. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** Default number of files kept ({@code codex.log} plus four backups). */
    public static final int DEFAULT_MAX_FILES = 5;

    private final JcodexLoggerFinder.Sink sink;

    /**
     * Where and how much to log.
     *
     * @param directory folder of the log files (the reference's {@code log_dir})
     * @param fileName name of the current file, e.g. {@code codex.log}
     * @param level threshold
     * @param maxBytes rotation size
     * @param maxFiles files kept, current one included
     */
    public record Settings(Path directory, String fileName, LogLevel level, long maxBytes, int maxFiles) {
        public Settings {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(level, "level");
        }

        /** {@code <codexHome>/log/codex.log}, 10 MiB × 5. */
        public static Settings defaults(Path codexHome, LogLevel level) {
            return new Settings(codexHome.resolve("log"), "codex.log", level, DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES);
        }
    }

    private LogFiles(JcodexLoggerFinder.Sink sink) {
        this.sink = sink;
    }

    /**
     * Logs to {@code <codexHome>/log/codex.log} at {@code level} (typically {@code LogLevel.fromEnv(System.getenv())}).
     * Replaces any earlier installation.
     */
    public static LogFiles install(Path codexHome, LogLevel level) throws IOException {
        return install(Settings.defaults(codexHome, level));
    }

    /** Logs as {@code settings} say. Replaces any earlier installation. */
    public static LogFiles install(Settings settings) throws IOException {
        RotatingLogFile file = new RotatingLogFile(settings.directory().resolve(settings.fileName()),
                settings.maxBytes(), settings.maxFiles());
        JcodexLoggerFinder.Sink sink = new JcodexLoggerFinder.Sink(file, settings.level());
        JcodexLoggerFinder.Sink previous = JcodexLoggerFinder.install(sink);
        if (previous != null) {
            previous.file().close();
        }
        return new LogFiles(sink);
    }

    /** Whether jcodex's finder is the process-wide one (false if another logging backend took precedence). */
    public static boolean isActive() {
        return System.LoggerFinder.getLoggerFinder() instanceof JcodexLoggerFinder;
    }

    /** The current log file. */
    public Path logFile() {
        return sink.file().file();
    }

    /** The threshold. */
    public LogLevel level() {
        return sink.level();
    }

    /** Stops logging to this file (if it is still the installed one) and closes it. */
    @Override
    public void close() {
        JcodexLoggerFinder.uninstall(sink);
        sink.file().close();
    }
}
