package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserAgentTest {

    @Test
    void formatsLikeTheCapture() {
        assertThat(TestSupport.USER_AGENT.header())
                .isEqualTo("codex_exec/0.169.0 (Debian 12.0.0; x86_64) xterm (codex_exec; 0.169.0)");
        assertThat(new UserAgent("codex_cli_rs", "1.0.0", "Mac OS", "15.1.0", "aarch64", "iTerm.app/3.5", null)
                .header()).isEqualTo("codex_cli_rs/1.0.0 (Mac OS 15.1.0; aarch64) iTerm.app/3.5");
    }

    @Test
    void replacesCharactersThatAreNotHeaderSafe() {
        UserAgent ua = new UserAgent("codex_exec", "1.0", "Debian", "12.0.0", "x86_64", "t\u00e9rm\n", null)
                .withClient("my app \u2603", "2");

        assertThat(ua.header()).isEqualTo("codex_exec/1.0 (Debian 12.0.0; x86_64) t_rm_ (my app _; 2)");
    }

    @Test
    void detectsTerminalArchitectureAndOriginatorOverride() {
        assertThat(UserAgent.terminal(Map.of("TERM_PROGRAM", "WezTerm", "TERM_PROGRAM_VERSION", "2024"))).isEqualTo(
                "WezTerm/2024");
        assertThat(UserAgent.terminal(Map.of("WT_SESSION", "x", "TERM", "xterm"))).isEqualTo("WindowsTerminal");
        assertThat(UserAgent.terminal(Map.of("TERM", "xterm-256color"))).isEqualTo("xterm-256color");
        assertThat(UserAgent.terminal(Map.of())).isEqualTo("unknown");
        assertThat(UserAgent.arch("amd64")).isEqualTo("x86_64");
        assertThat(UserAgent.arch("aarch64")).isEqualTo("aarch64");
        UserAgent detected = UserAgent.detect("codex_exec", "0.1.0",
                Map.of("CODEX_INTERNAL_ORIGINATOR_OVERRIDE", "codex_sdk_ts", "TERM", "xterm"));
        assertThat(detected.originator()).isEqualTo("codex_sdk_ts");
        assertThat(detected.terminal()).isEqualTo("xterm");
        assertThat(detected.header()).startsWith("codex_sdk_ts/0.1.0 (");
    }

    @Test
    void readsOsReleaseLikeTheReference() {
        assertThat(UserAgent.fromOsRelease(List.of("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"",
                "NAME=\"Debian GNU/Linux\"", "VERSION_ID=\"12\""), "6.1")).containsExactly("Debian", "12.0.0");
        assertThat(UserAgent.fromOsRelease(List.of("NAME=\"Ubuntu\"", "VERSION_ID=\"22.04\""), "6.1"))
                .containsExactly("Ubuntu", "22.4.0");
        assertThat(UserAgent.fromOsRelease(List.of(), "6.1.0-13")).containsExactly("Linux", "6.1.0-13");
    }
}
