package dev.jcodex.state;

import java.util.Locale;
import java.util.Map;

/** How much the file log records, most severe first. */
public enum LogLevel {
    OFF(System.Logger.Level.OFF),
    ERROR(System.Logger.Level.ERROR),
    WARN(System.Logger.Level.WARNING),
    INFO(System.Logger.Level.INFO),
    DEBUG(System.Logger.Level.DEBUG),
    TRACE(System.Logger.Level.TRACE);

    /** Environment variable that sets the level. */
    public static final String ENV = "JCODEX_LOG";
    /** Fallback variable, read the way the reference reads it ({@code info}, {@code codex_core=debug,warn}). */
    public static final String RUST_ENV = "RUST_LOG";

    private final System.Logger.Level systemLevel;

    LogLevel(System.Logger.Level systemLevel) {
        this.systemLevel = systemLevel;
    }

    /** The matching {@link System.Logger.Level}. */
    public System.Logger.Level systemLevel() {
        return systemLevel;
    }

    /** Whether a record of {@code level} passes this threshold. */
    public boolean admits(System.Logger.Level level) {
        return this != OFF && level != System.Logger.Level.OFF
                && level.getSeverity() >= systemLevel.getSeverity();
    }

    /** The level from {@code JCODEX_LOG}, else {@code RUST_LOG}, else {@link #WARN}. */
    public static LogLevel fromEnv(Map<String, String> env) {
        String spec = env.get(ENV);
        if (spec == null || spec.isBlank()) {
            spec = env.get(RUST_ENV);
        }
        return spec == null || spec.isBlank() ? WARN : parse(spec);
    }

    /**
     * Reads a level spec: a plain level ({@code error|warn|info|debug|trace|off}, also {@code warning}) or a
     * {@code RUST_LOG}-style list such as {@code codex_core=debug,info}. A bare level in the list wins; without
     * one, the most verbose targeted level is used (one file log cannot filter per target). Unreadable specs
     * give {@link #WARN}.
     */
    public static LogLevel parse(String spec) {
        LogLevel bare = null;
        LogLevel targeted = null;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            LogLevel level = single(eq >= 0 ? p.substring(eq + 1) : p);
            if (level == null) {
                continue;
            }
            if (eq >= 0) {
                targeted = targeted == null || level.ordinal() > targeted.ordinal() ? level : targeted;
            } else {
                bare = level;
            }
        }
        return bare != null ? bare : targeted != null ? targeted : WARN;
    }

    private static LogLevel single(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "off", "none" -> OFF;
            case "error" -> ERROR;
            case "warn", "warning" -> WARN;
            case "info" -> INFO;
            case "debug" -> DEBUG;
            case "trace", "all" -> TRACE;
            default -> null;
        };
    }
}
