package dev.jcodex.common;

import java.util.Objects;

/**
 * Middle truncation of tool output for the model (spec §4.5).
 *
 * <p>Sizes are measured in UTF-8 bytes, like the reference. A token is estimated as {@code ceil(bytes / 4)}. When a
 * text exceeds its byte budget (the limit itself in byte mode, {@code limit × 4} in token mode) the middle is cut:
 * the first half of the budget and the last half are kept, never splitting a character, and a marker replaces the
 * rest: {@code …N tokens truncated…} (N = {@code ceil((bytes - budget) / 4)}) or {@code …N chars truncated…} (N = the
 * number of characters removed). {@link #formattedTruncate} also prefixes {@code Total output lines: L\n\n}.
 *
 * <p>Strings that contain unpaired surrogates are measured as if each one were U+FFFD (3 bytes).
 */
public final class Truncation {

    /** Bytes per estimated token. */
    public static final int APPROX_BYTES_PER_TOKEN = 4;

    private Truncation() {}

    /**
     * How much text the model may see: a byte or token budget.
     *
     * @param mode  unit of {@code limit}
     * @param limit budget in that unit, {@code >= 0}
     */
    public record TruncationPolicy(Mode mode, long limit) {

        /** Unit of a truncation budget. */
        public enum Mode { BYTES, TOKENS }

        /** Validates the components. */
        public TruncationPolicy {
            Objects.requireNonNull(mode, "mode");
            if (limit < 0) {
                throw new IllegalArgumentException("limit must be >= 0: " + limit);
            }
        }

        /** A budget of {@code limit} UTF-8 bytes. */
        public static TruncationPolicy bytes(long limit) {
            return new TruncationPolicy(Mode.BYTES, limit);
        }

        /** A budget of {@code limit} estimated tokens. */
        public static TruncationPolicy tokens(long limit) {
            return new TruncationPolicy(Mode.TOKENS, limit);
        }

        /** The budget in bytes ({@code limit × 4} for token budgets). */
        public long byteBudget() {
            return switch (mode) {
                case BYTES -> limit;
                case TOKENS -> approxBytesForTokens(limit);
            };
        }

        /** The budget in tokens ({@code ceil(limit / 4)} for byte budgets). */
        public long tokenBudget() {
            return switch (mode) {
                case BYTES -> approxTokensFromByteCount(limit);
                case TOKENS -> limit;
            };
        }
    }

    /** Estimated tokens of {@code text}: {@code ceil(utf8Bytes / 4)}. */
    public static long approxTokenCount(String text) {
        return approxTokensFromByteCount(utf8Length(text));
    }

    /** {@code ceil(bytes / 4)}, 0 for non-positive input. */
    public static long approxTokensFromByteCount(long bytes) {
        if (bytes <= 0) {
            return 0;
        }
        return bytes / APPROX_BYTES_PER_TOKEN + (bytes % APPROX_BYTES_PER_TOKEN == 0 ? 0 : 1);
    }

    /** {@code tokens × 4}, saturating at {@link Long#MAX_VALUE}. */
    public static long approxBytesForTokens(long tokens) {
        if (tokens <= 0) {
            return 0;
        }
        return tokens > Long.MAX_VALUE / APPROX_BYTES_PER_TOKEN ? Long.MAX_VALUE : tokens * APPROX_BYTES_PER_TOKEN;
    }

    /** UTF-8 length of {@code text} in bytes. */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += utf8Width(cp);
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /**
     * Number of lines as the reference counts them: lines end at {@code \n}; a final line without a newline counts,
     * an empty text has 0 lines and a trailing newline does not start a new line.
     */
    public static int lineCount(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? count : count + 1;
    }

    /** Middle-truncates {@code text} to the policy's budget, without any prefix. */
    public static String truncate(String text, TruncationPolicy policy) {
        return switch (policy.mode()) {
            case BYTES -> truncateWithByteEstimate(text, policy.limit(), Mode.CHARS);
            case TOKENS -> {
                if (text.isEmpty()) {
                    yield "";
                }
                long budget = policy.byteBudget();
                if (policy.limit() > 0 && utf8Length(text) <= budget) {
                    yield text;
                }
                yield truncateWithByteEstimate(text, budget, Mode.TOKENS);
            }
        };
    }

    /**
     * Returns {@code text} unchanged when it fits the budget; otherwise {@code Total output lines: L\n\n} followed by
     * the middle-truncated text, where L is the {@linkplain #lineCount line count} of the original.
     */
    public static String formattedTruncate(String text, TruncationPolicy policy) {
        if (utf8Length(text) <= policy.byteBudget()) {
            return text;
        }
        return "Total output lines: " + lineCount(text) + "\n\n" + truncate(text, policy);
    }

    private enum Mode { CHARS, TOKENS }

    private static String truncateWithByteEstimate(String text, long maxBytes, Mode mode) {
        if (text.isEmpty()) {
            return "";
        }
        long totalBytes = utf8Length(text);
        if (maxBytes == 0) {
            long removed = mode == Mode.TOKENS
                    ? approxTokensFromByteCount(totalBytes)
                    : text.codePointCount(0, text.length());
            return marker(mode, removed);
        }
        if (totalBytes <= maxBytes) {
            return text;
        }
        long headBudget = maxBytes / 2;
        long tailBudget = maxBytes - headBudget;
        long tailStartTarget = totalBytes - tailBudget;

        int prefixEnd = 0;
        int suffixStart = text.length();
        boolean suffixStarted = false;
        long removedChars = 0;
        long offset = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = utf8Width(cp);
            int next = i + Character.charCount(cp);
            if (offset + width <= headBudget) {
                prefixEnd = next;
            } else if (offset >= tailStartTarget) {
                if (!suffixStarted) {
                    suffixStart = i;
                    suffixStarted = true;
                }
            } else {
                removedChars++;
            }
            offset += width;
            i = next;
        }
        if (suffixStart < prefixEnd) {
            suffixStart = prefixEnd;
        }
        long removed = mode == Mode.TOKENS ? approxTokensFromByteCount(totalBytes - maxBytes) : removedChars;
        return text.substring(0, prefixEnd) + marker(mode, removed) + text.substring(suffixStart);
    }

    private static String marker(Mode mode, long removed) {
        return switch (mode) {
            case TOKENS -> "…" + removed + " tokens truncated…";
            case CHARS -> "…" + removed + " chars truncated…";
        };
    }

    private static int utf8Width(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
