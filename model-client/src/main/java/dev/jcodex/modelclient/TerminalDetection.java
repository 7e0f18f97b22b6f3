package dev.jcodex.modelclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The terminal token of the {@code User-Agent} header, detected from environment variables in the reference's
 * order: {@code TERM_PROGRAM} (+ {@code TERM_PROGRAM_VERSION}; under tmux the outer terminal tmux reports),
 * then terminal-specific variables (WezTerm, iTerm2, Apple Terminal, kitty, Alacritty, Konsole, GNOME Terminal,
 * VTE, Windows Terminal), then {@code TERM}, else {@code unknown}. Every character outside
 * {@code A-Z a-z 0-9 - _ . /} becomes {@code _}.
 */
final class TerminalDetection {

    private static final System.Logger LOG = System.getLogger(TerminalDetection.class.getName());
    private static final Set<Integer> ALLOWED = Set.of((int) '-', (int) '_', (int) '.', (int) '/');

    /** What {@code tmux display-message -p} reports for the attached client (absent values are empty). */
    record TmuxClient(Optional<String> termType, Optional<String> termName) {
        static final TmuxClient NONE = new TmuxClient(Optional.empty(), Optional.empty());
    }

    private static final class RunningTmux {
        /** Asked once per process, like the reference caches its terminal info. */
        static final TmuxClient CLIENT = new TmuxClient(displayMessage("#{client_termtype}"),
                displayMessage("#{client_termname}"));
    }

    private TerminalDetection() {}

    /** The token for {@code env}; asks the running tmux server only when {@code env} says we run inside tmux. */
    static String token(Map<String, String> env) {
        return token(env, () -> RunningTmux.CLIENT);
    }

    static String token(Map<String, String> env, Supplier<TmuxClient> tmux) {
        return sanitize(raw(env, tmux));
    }

    private static String raw(Map<String, String> env, Supplier<TmuxClient> tmux) {
        Optional<String> program = nonBlank(env.get("TERM_PROGRAM"));
        if (program.isPresent()) {
            if (program.get().equalsIgnoreCase("tmux") && insideTmux(env)) {
                Optional<String> outer = fromTmux(tmux.get());
                if (outer.isPresent()) {
                    return outer.get();
                }
            }
            return withVersion(program.get(), nonBlank(env.get("TERM_PROGRAM_VERSION")));
        }
        if (env.containsKey("WEZTERM_VERSION")) {
            return withVersion("WezTerm", nonBlank(env.get("WEZTERM_VERSION")));
        }
        if (env.containsKey("ITERM_SESSION_ID") || env.containsKey("ITERM_PROFILE")
                || env.containsKey("ITERM_PROFILE_NAME")) {
            return "iTerm.app";
        }
        if (env.containsKey("TERM_SESSION_ID")) {
            return "Apple_Terminal";
        }
        String term = env.get("TERM");
        if (env.containsKey("KITTY_WINDOW_ID") || (term != null && term.contains("kitty"))) {
            return "kitty";
        }
        if (env.containsKey("ALACRITTY_SOCKET") || "alacritty".equals(term)) {
            return "Alacritty";
        }
        if (env.containsKey("KONSOLE_VERSION")) {
            return withVersion("Konsole", nonBlank(env.get("KONSOLE_VERSION")));
        }
        if (env.containsKey("GNOME_TERMINAL_SCREEN")) {
            return "gnome-terminal";
        }
        if (env.containsKey("VTE_VERSION")) {
            return withVersion("VTE", nonBlank(env.get("VTE_VERSION")));
        }
        if (env.containsKey("WT_SESSION")) {
            return "WindowsTerminal";
        }
        return nonBlank(term).orElse("unknown");
    }

    private static boolean insideTmux(Map<String, String> env) {
        return nonBlank(env.get("TMUX")).isPresent() || nonBlank(env.get("TMUX_PANE")).isPresent();
    }

    /** {@code ghostty 1.2.3} → {@code ghostty/1.2.3}; no term type → the client's {@code TERM}. */
    private static Optional<String> fromTmux(TmuxClient client) {
        Optional<String> termType = client.termType().flatMap(TerminalDetection::nonBlank);
        if (termType.isPresent()) {
            String[] parts = termType.get().strip().split("\\s+");
            return Optional.of(withVersion(parts[0], parts.length > 1 ? Optional.of(parts[1]) : Optional.empty()));
        }
        return client.termName().flatMap(TerminalDetection::nonBlank);
    }

    private static String withVersion(String name, Optional<String> version) {
        return version.filter(v -> !v.isEmpty()).map(v -> name + "/" + v).orElse(name);
    }

    /** The value unless absent or only whitespace (kept untrimmed, as the reference does). */
    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static String sanitize(String token) {
        StringBuilder out = new StringBuilder(token.length());
        token.codePoints().forEach(c -> out.appendCodePoint(
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ALLOWED.contains(c)
                        ? c : '_'));
        return out.toString();
    }

    private static Optional<String> displayMessage(String format) {
        try {
            Process process = new ProcessBuilder("tmux", "display-message", "-p", format)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? nonBlank(output.strip()).map(String::strip) : Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "tmux display-message failed: {0}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
