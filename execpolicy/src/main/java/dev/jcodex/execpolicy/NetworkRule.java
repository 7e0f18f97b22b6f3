package dev.jcodex.execpolicy;

import java.util.Locale;
import java.util.Optional;

/**
 * A {@code network_rule(host=…, protocol=…, decision=…, justification=…)}: what to do when a command
 * connects to {@code host}. Stored for the network proxy; command evaluation does not use it.
 *
 * @param host          normalised host name or IP literal (lower case, no port, no trailing dot)
 * @param protocol      which traffic the rule covers
 * @param decision      {@code allow}, {@code prompt} or {@code forbidden} ({@code deny} in files)
 * @param justification why the rule exists
 */
public record NetworkRule(String host, Protocol protocol, Decision decision, Optional<String> justification) {

    /** Traffic kinds a network rule can cover. */
    public enum Protocol {
        HTTP, HTTPS, SOCKS5_TCP, SOCKS5_UDP;

        /** The rules-file spelling. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Protocol parse(String raw) {
            return switch (raw) {
                case "http" -> HTTP;
                case "https", "https_connect", "http-connect" -> HTTPS;
                case "socks5_tcp" -> SOCKS5_TCP;
                case "socks5_udp" -> SOCKS5_UDP;
                default -> throw new IllegalArgumentException(
                        "network_rule protocol must be one of http, https, socks5_tcp, socks5_udp (got " + raw + ")");
            };
        }
    }

    /** Normalises a rules-file host: strips a port and a trailing dot, lower-cases, rejects URLs and wildcards. */
    static String normalizeHost(String raw) {
        String host = raw.strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("network_rule host cannot be empty");
        }
        if (host.contains("://") || host.contains("/") || host.contains("?") || host.contains("#")) {
            throw new IllegalArgumentException(
                    "network_rule host must be a hostname or IP literal (without scheme or path)");
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("network_rule host has an invalid bracketed IPv6 literal");
            }
            String rest = host.substring(close + 1);
            if (!rest.isEmpty() && !rest.matches(":[0-9]+")) {
                throw new IllegalArgumentException("network_rule host contains an unsupported suffix: " + raw);
            }
            host = host.substring(1, close);
        } else if (host.chars().filter(c -> c == ':').count() == 1 && host.matches(".+:[0-9]+")) {
            host = host.substring(0, host.indexOf(':'));
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        host = host.strip().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("network_rule host cannot be empty");
        }
        if (host.contains("*")) {
            throw new IllegalArgumentException("network_rule host must be a specific host; wildcards are not allowed");
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("network_rule host cannot contain whitespace");
        }
        return host;
    }
}
