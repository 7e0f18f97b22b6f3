package dev.jcodex.state;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blanks out values that look like credentials before they reach a log file. */
final class SecretRedactor {
    static final String MASK = "[REDACTED]";

    /** {@code sk-…} / {@code sk-proj-…} style keys and other common token prefixes. */
    private static final Pattern KEY = Pattern.compile(
            "\\b(?:sk|rk|pk)-[A-Za-z0-9_\\-]{8,}|\\bgh[pousr]_[A-Za-z0-9]{16,}|\\bxox[abprs]-[A-Za-z0-9\\-]{8,}"
                    + "|\\bAIza[0-9A-Za-z_\\-]{20,}|\\beyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]+");
    /** {@code Bearer <token>} and {@code Basic <credentials>} in headers or messages. */
    private static final Pattern AUTH = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=\\-]{6,}");
    /** {@code api_key=…}, {@code "apiKey": "…"}, {@code password: …}, {@code access_token=…}. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(\"?(?:api[_-]?key|apikey|secret|password|passwd|access[_-]?token|refresh[_-]?token|id[_-]?token"
                    + "|client[_-]?secret|authorization)\"?\\s*[:=]\\s*\"?)(?!(?:bearer|basic)\\s)([^\\s\",}&]{4,})");

    private SecretRedactor() {}

    static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = AUTH.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = KEY.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        out = ASSIGNMENT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return out;
    }
}
