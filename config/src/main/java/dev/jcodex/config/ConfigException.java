package dev.jcodex.config;

/**
 * The one exception of the config module: bad TOML, a wrong type or value, a bad {@code -c} override, an unknown
 * profile or provider, a requirements violation, or an I/O failure on a config file. The message is complete and
 * meant for the user as is (it names the file with {@code line:column}, or the {@code -c} override, and the dotted
 * key); callers print it and exit 1, never a stack trace.
 */
public final class ConfigException extends RuntimeException {

    /** Creates an exception whose message is shown to the user unchanged. */
    public ConfigException(String message) {
        super(message);
    }

    /** Creates an exception with an underlying cause (an I/O failure). */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException at(Origin origin, String message) {
        return new ConfigException(origin.describe() + ": " + message);
    }
}
