package dev.jcodex.state;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link System.LoggerFinder} of jcodex, registered in {@code META-INF/services}: every
 * {@link System.Logger} (ours and the JDK's) writes to the file installed by {@link LogFiles#install}, and
 * nowhere before that — never to stdout or stderr, which belong to the TUI and the JSON-RPC transport.
 */
public final class JcodexLoggerFinder extends System.LoggerFinder {
    private static final AtomicReference<Sink> SINK = new AtomicReference<>();

    /** Called by the service loader. */
    public JcodexLoggerFinder() {}

    /** Where records go: the file and its threshold. */
    record Sink(RotatingLogFile file, LogLevel level) {}

    static Sink install(Sink sink) {
        return SINK.getAndSet(sink);
    }

    static boolean uninstall(Sink expected) {
        return SINK.compareAndSet(expected, null);
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new FileLogger(name);
    }

    /** A named logger; checks the installed sink on every call, so loggers made before install work after it. */
    private record FileLogger(String name) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            Sink sink = SINK.get();
            return sink != null && sink.level().admits(level);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            Sink sink = SINK.get();
            if (sink != null && sink.level().admits(level)) {
                sink.file().write(format(level, localize(bundle, msg), thrown));
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            Sink sink = SINK.get();
            if (sink != null && sink.level().admits(level)) {
                String pattern = localize(bundle, format);
                String text;
                try {
                    text = params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params);
                } catch (IllegalArgumentException e) {
                    text = pattern + " " + java.util.Arrays.toString(params);
                }
                sink.file().write(format(level, text, null));
            }
        }

        private static String localize(ResourceBundle bundle, String msg) {
            if (bundle != null && msg != null && bundle.containsKey(msg)) {
                return bundle.getString(msg);
            }
            return msg;
        }

        private String format(Level level, String msg, Throwable thrown) {
            StringBuilder sb = new StringBuilder(128);
            sb.append(RolloutLine.formatTimestamp(Instant.now())).append(' ')
                    .append(label(level)).append(' ')
                    .append(name).append(" [").append(Thread.currentThread().getName()).append("] ")
                    .append(msg).append('\n');
            if (thrown != null) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                sb.append(trace);
            }
            return SecretRedactor.redact(sb.toString());
        }

        private static String label(Level level) {
            return switch (level) {
                case ALL, TRACE -> "TRACE";
                case DEBUG -> "DEBUG";
                case INFO -> "INFO ";
                case WARNING -> "WARN ";
                case ERROR, OFF -> "ERROR";
            };
        }
    }
}
