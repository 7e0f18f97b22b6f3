package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.jcodex.modelclient.TerminalDetection.TmuxClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TerminalDetectionTest {

    private static final Supplier<TmuxClient> NO_TMUX_EXPECTED = () -> fail("tmux must not be asked");

    private static String token(Map<String, String> env) {
        return TerminalDetection.token(env, NO_TMUX_EXPECTED);
    }

    @Test
    void termProgramWithItsVersionComesFirst() {
        assertThat(token(Map.of("TERM_PROGRAM", "iTerm.app", "TERM_PROGRAM_VERSION", "3.5.0", "TERM", "xterm")))
                .isEqualTo("iTerm.app/3.5.0");
        assertThat(token(Map.of("TERM_PROGRAM", "vscode", "TERM_PROGRAM_VERSION", "  "))).isEqualTo("vscode");
        assertThat(token(Map.of("TERM_PROGRAM", "WezTerm", "WT_SESSION", "x"))).isEqualTo("WezTerm");
        assertThat(token(Map.of("TERM_PROGRAM", " ", "TERM", "xterm-256color"))).isEqualTo("xterm-256color");
    }

    @Test
    void terminalSpecificVariablesInTheReferenceOrder() {
        assertThat(token(Map.of("WEZTERM_VERSION", "20240203", "ITERM_SESSION_ID", "w0"))).isEqualTo("WezTerm/20240203");
        assertThat(token(Map.of("WEZTERM_VERSION", ""))).isEqualTo("WezTerm");
        assertThat(token(Map.of("ITERM_PROFILE", "Default", "TERM_SESSION_ID", "1"))).isEqualTo("iTerm.app");
        assertThat(token(Map.of("TERM_SESSION_ID", "1", "TERM", "xterm"))).isEqualTo("Apple_Terminal");
        assertThat(token(Map.of("TERM", "xterm-kitty"))).isEqualTo("kitty");
        assertThat(token(Map.of("KITTY_WINDOW_ID", "1", "ALACRITTY_SOCKET", "s"))).isEqualTo("kitty");
        assertThat(token(Map.of("TERM", "alacritty"))).isEqualTo("Alacritty");
        assertThat(token(Map.of("KONSOLE_VERSION", "230804", "VTE_VERSION", "7600"))).isEqualTo("Konsole/230804");
        assertThat(token(Map.of("GNOME_TERMINAL_SCREEN", "/org/x", "VTE_VERSION", "7600"))).isEqualTo("gnome-terminal");
        assertThat(token(Map.of("VTE_VERSION", "7600", "WT_SESSION", "x"))).isEqualTo("VTE/7600");
        assertThat(token(Map.of("WT_SESSION", "x", "TERM", "xterm"))).isEqualTo("WindowsTerminal");
        assertThat(token(Map.of("TERM", "xterm"))).isEqualTo("xterm");
        assertThat(token(Map.of("TERM", ""))).isEqualTo("unknown");
        assertThat(token(Map.of())).isEqualTo("unknown");
    }

    @Test
    void underTmuxTheOuterTerminalIsReported() {
        Map<String, String> env = Map.of("TERM_PROGRAM", "tmux", "TERM_PROGRAM_VERSION", "3.4", "TMUX", "/tmp/s,1,0");
        assertThat(TerminalDetection.token(env, () -> new TmuxClient(Optional.of("ghostty 1.2.3"),
                Optional.of("xterm-ghostty")))).isEqualTo("ghostty/1.2.3");
        assertThat(TerminalDetection.token(env, () -> new TmuxClient(Optional.empty(),
                Optional.of("xterm-256color")))).isEqualTo("xterm-256color");
        assertThat(TerminalDetection.token(env, () -> TmuxClient.NONE)).isEqualTo("tmux/3.4");
        assertThat(token(Map.of("TERM_PROGRAM", "tmux", "TERM_PROGRAM_VERSION", "3.4")))
                .as("TERM_PROGRAM=tmux without TMUX/TMUX_PANE does not ask tmux").isEqualTo("tmux/3.4");
    }

    @Test
    void charactersOutsideTheTokenAlphabetBecomeUnderscores() {
        assertThat(token(Map.of("TERM_PROGRAM", "My Term", "TERM_PROGRAM_VERSION", "1.0 (beta)")))
                .isEqualTo("My_Term/1.0__beta_");
        assertThat(token(Map.of("TERM", "t\u00e9rm\uD83D\uDE00"))).isEqualTo("t_rm_");
    }
}
