package dev.jcodex.applypatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Line helpers shared by the parser and the matcher. "Whitespace" is Unicode {@code White_Space} (what the
 * reference's {@code str::trim} strips), which unlike {@link Character#isWhitespace} includes no-break spaces.
 */
final class Lines {

    private Lines() {
    }

    static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                 '\u205F', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** Index just past the last non-whitespace character (0 for a blank string). */
    static int contentEnd(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Index of the first non-whitespace character ({@code s.length()} for a blank string). */
    static int contentStart(String s) {
        int start = 0;
        while (start < s.length() && isWhitespace(s.charAt(start))) {
            start++;
        }
        return start;
    }

    static String trim(String s) {
        int end = contentEnd(s);
        int start = end == 0 ? 0 : contentStart(s);
        return s.substring(start, end);
    }

    static String trimEnd(String s) {
        return s.substring(0, contentEnd(s));
    }

    static boolean isBlank(String s) {
        return contentEnd(s) == 0;
    }

    /** Whether {@code s} is {@code prefix} followed only by whitespace (no allocation). */
    static boolean isFollowedOnlyByWhitespace(String s, String prefix) {
        return s.startsWith(prefix) && contentEnd(s) == prefix.length();
    }

    /** Whether {@code s}, ignoring leading whitespace, starts with {@code prefix} (no allocation). */
    static boolean startsAfterWhitespace(String s, String prefix) {
        return s.startsWith(prefix, contentStart(s));
    }

    /**
     * Splits like Rust's {@code str::lines}: on {@code \n}, dropping one {@code \r} before it, and without an
     * empty last element after a final newline.
     */
    static List<String> split(String text) {
        return split(text, 0, text.length());
    }

    /** {@link #split(String)} of {@code text.substring(from, to)}, without copying it first. */
    static List<String> split(String text, int from, int to) {
        List<String> lines = new ArrayList<>();
        int start = from;
        int length = to;
        while (start < length) {
            int newline = text.indexOf('\n', start, length);
            int end = newline < 0 ? length : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, contentEnd));
            start = end + 1;
        }
        return lines;
    }

    /**
     * Folds typographic punctuation to ASCII: dashes and minus to {@code -}, single quotes to {@code '}, double
     * quotes to {@code "}, and fixed-width/no-break spaces to a plain space.
     */
    static char fold(char c) {
        return switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
            case '\u00A0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
                 '\u202F', '\u205F', '\u3000' -> ' ';
            default -> c;
        };
    }
}
