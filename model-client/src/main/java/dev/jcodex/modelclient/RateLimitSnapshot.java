package dev.jcodex.modelclient;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rate-limit state of one limit family from response headers (spec §3.7): {@code x-codex-primary-used-percent}
 * … for the default family ({@code limitId} "codex") and {@code x-<limit-id>-…} for others.
 *
 * @param limitId family id ({@code codex}, or the header infix with dashes turned into underscores)
 * @param limitName {@code x-…-limit-name}, or null
 * @param primary the short window, or null
 * @param secondary the long window, or null
 * @param credits credit state, or null
 * @param activeLimit {@code x-codex-active-limit}, or null
 * @param promoMessage {@code x-codex-promo-message}, or null
 */
public record RateLimitSnapshot(String limitId, String limitName, Window primary, Window secondary,
                                Credits credits, String activeLimit, String promoMessage) {

    /**
     * One window.
     *
     * @param usedPercent percentage used (0–100)
     * @param windowMinutes window length, or null
     * @param resetsAt unix seconds when the window resets, or null
     */
    public record Window(double usedPercent, Long windowMinutes, Long resetsAt) {}

    /** Credit balance state; {@code balance} is the server's text or null. */
    public record Credits(boolean hasCredits, boolean unlimited, String balance) {}

    /** All families present in {@code headers}; the default {@code codex} family comes first. */
    public static List<RateLimitSnapshot> fromHeaders(HttpHeaders headers) {
        Set<String> prefixes = new LinkedHashSet<>();
        prefixes.add("x-codex-");
        for (String name : headers.map().keySet()) {
            String n = name.toLowerCase(Locale.ROOT);
            for (String suffix : List.of("-primary-used-percent", "-secondary-used-percent",
                    "-credits-has-credits")) {
                if (n.startsWith("x-") && n.endsWith(suffix) && n.length() > 2 + suffix.length()) {
                    prefixes.add(n.substring(0, n.length() - suffix.length() + 1));
                }
            }
        }
        List<RateLimitSnapshot> out = new ArrayList<>();
        for (String prefix : prefixes) {
            RateLimitSnapshot s = parse(headers, prefix);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static RateLimitSnapshot parse(HttpHeaders h, String prefix) {
        Window primary = window(h, prefix + "primary-");
        Window secondary = window(h, prefix + "secondary-");
        Credits credits = credits(h, prefix + "credits-");
        if (primary == null && secondary == null && credits == null) {
            return null;
        }
        String id = prefix.substring(2, prefix.length() - 1).replace('-', '_');
        return new RateLimitSnapshot(id, text(h, prefix + "limit-name"), primary, secondary, credits,
                text(h, prefix + "active-limit"), text(h, prefix + "promo-message"));
    }

    private static Window window(HttpHeaders h, String prefix) {
        Double used = number(h, prefix + "used-percent");
        if (used == null) {
            return null;
        }
        Double minutes = number(h, prefix + "window-minutes");
        Double reset = number(h, prefix + "reset-at");
        boolean anything = used != 0 || (minutes != null && minutes != 0) || (reset != null && reset != 0);
        if (!anything) {
            return null;
        }
        return new Window(used, minutes == null ? null : minutes.longValue(), reset == null ? null : reset.longValue());
    }

    private static Credits credits(HttpHeaders h, String prefix) {
        String has = text(h, prefix + "has-credits");
        if (has == null) {
            return null;
        }
        return new Credits(truthy(has), truthy(text(h, prefix + "unlimited")), text(h, prefix + "balance"));
    }

    private static boolean truthy(String s) {
        return s != null && (s.equalsIgnoreCase("true") || s.equals("1"));
    }

    private static String text(HttpHeaders h, String name) {
        return h.firstValue(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static Double number(HttpHeaders h, String name) {
        String v = text(h, name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
