package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserAgentTest {

    private static final PlatformInfo DEBIAN = new PlatformInfo("Debian", "12.0.0", "x86_64");

    @Test
    void execHeaderEqualsTheCaptureByteForByte() {
        // reference-runs/*/request-first.json: exec's in-process app-server client is codex_exec 0.169.0.
        UserAgent exec = UserAgent.detect("codex_exec", "0.169.0", Map.of("TERM", "xterm"), DEBIAN,
                "codex_exec; 0.169.0");
        assertThat(exec.header())
                .isEqualTo("codex_exec/0.169.0 (Debian 12.0.0; x86_64) xterm (codex_exec; 0.169.0)");
        assertThat(TestSupport.USER_AGENT.header()).isEqualTo(exec.header());
    }

    @Test
    void ourOwnVersionGoesInBothPlaces() {
        UserAgent ua = UserAgent.detect("codex_exec", "0.3.1", Map.of("TERM", "xterm"), DEBIAN, null)
                .withClient("codex_exec", "0.3.1");
        assertThat(ua.header()).isEqualTo("codex_exec/0.3.1 (Debian 12.0.0; x86_64) xterm (codex_exec; 0.3.1)");
    }

    @Test
    void withoutAClientThereIsNoSuffix() {
        assertThat(new UserAgent("codex_cli_rs", "1.0.0", "Mac OS", "15.1.0", "arm64", "iTerm.app/3.5", null)
                .header()).isEqualTo("codex_cli_rs/1.0.0 (Mac OS 15.1.0; arm64) iTerm.app/3.5");
    }

    @Test
    void clientSuffixIsTrimmedAndDroppedWhenBlank() {
        UserAgent base = new UserAgent("codex_exec", "1.0", "Debian", "12.0.0", "x86_64", "xterm", null);
        assertThat(base.withClient(" my-ide", "2.0 ").header())
                .isEqualTo("codex_exec/1.0 (Debian 12.0.0; x86_64) xterm (my-ide; 2.0)");
        assertThat(new UserAgent("codex_exec", "1.0", "Debian", "12.0.0", "x86_64", "xterm", "   ").header())
                .isEqualTo("codex_exec/1.0 (Debian 12.0.0; x86_64) xterm");
        assertThat(base.withClient("ide", "").header()).isEqualTo("codex_exec/1.0 (Debian 12.0.0; x86_64) xterm (ide;)");
    }

    @Test
    void registeredClientReachesEveryLaterDetect() {
        UserAgent.registerClient("codex_exec", "0.169.0");
        assertThat(UserAgent.detect("codex_exec", "0.169.0", Map.of("TERM", "xterm")).header())
                .endsWith(") xterm (codex_exec; 0.169.0)");
        UserAgent.registerClient("vscode", "1.2.3");
        assertThat(UserAgent.detect("vscode", "0.169.0", Map.of("TERM", "xterm")).clientSuffix())
                .isEqualTo("vscode; 1.2.3");
    }

    @Test
    void controlCharactersSanitiseEverythingOutsideVisibleAscii() {
        UserAgent ua = new UserAgent("codex_exec", "1.0", "Debian", "12.0.0", "x86_64", "xterm", null)
                .withClient("my app \u2603", "2\n");
        // The suffix is trimmed first, so the newline is gone; the snowman alone only needs the ASCII fallback.
        assertThat(ua.header()).isEqualTo("codex_exec/1.0 (Debian 12.0.0; x86_64) xterm (my app _; 2)");
        UserAgent control = new UserAgent("codex_exec", "1.0", "Debian", "12.0\u0007", "x86_64", "xterm",
                "t\tab; \uD83D\uDE00");
        assertThat(control.header()).isEqualTo("codex_exec/1.0 (Debian 12.0_; x86_64) xterm (t_ab; _)");
        assertThat(new UserAgent("codex_exec", "1.0", "Debian", "12.0.0", "x86_64", "xterm", "a\tb; 1").header())
                .as("a tab alone is a valid header value and is sent as is")
                .endsWith("(a\tb; 1)");
    }

    @Test
    void originatorOverrideAndFallback() {
        UserAgent detected = UserAgent.detect("codex_exec", "0.1.0",
                Map.of("CODEX_INTERNAL_ORIGINATOR_OVERRIDE", "codex_sdk_ts", "TERM", "xterm"), DEBIAN, null);
        assertThat(detected.originator()).isEqualTo("codex_sdk_ts");
        assertThat(detected.header()).isEqualTo("codex_sdk_ts/0.1.0 (Debian 12.0.0; x86_64) xterm");
        assertThat(UserAgent.resolveOriginator("codex_exec", Map.of())).isEqualTo("codex_exec");
        assertThat(UserAgent.resolveOriginator("codex_exec", Map.of("CODEX_INTERNAL_ORIGINATOR_OVERRIDE", "")))
                .as("set but empty still wins, as in the reference").isEmpty();
        assertThat(UserAgent.resolveOriginator("bad\nname", Map.of())).isEqualTo(UserAgent.DEFAULT_ORIGINATOR);
    }

    @Test
    void platformPartsLikeOsInfo() {
        assertThat(PlatformInfo.fromOsRelease(List.of("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"",
                "NAME=\"Debian GNU/Linux\"", "VERSION_ID=\"12\"", "ID=debian"), "6.1")).containsExactly("Debian", "12.0.0");
        assertThat(PlatformInfo.fromOsRelease(List.of("NAME=\"Ubuntu\"", "ID=ubuntu", "VERSION_ID=\"22.04\""), "6.1"))
                .containsExactly("Ubuntu", "22.4.0");
        assertThat(PlatformInfo.fromOsRelease(List.of("NAME=\"Alpine Linux\"", "ID=alpine", "VERSION_ID=3.19.1"),
                "6.1")).containsExactly("Alpine Linux", "3.19.1");
        assertThat(PlatformInfo.fromOsRelease(List.of("NAME=\"Red Hat Enterprise Linux\"", "ID=\"rhel\"",
                "VERSION_ID=\"9.4\""), "6.1")).containsExactly("Red Hat Enterprise Linux", "9.4.0");
        assertThat(PlatformInfo.fromOsRelease(List.of("NAME=\"Acme OS\"", "ID=acme", "VERSION_ID=1.2.3.4"), "6.1"))
                .containsExactly("Acme", "1.2.3.4");
        assertThat(PlatformInfo.fromOsRelease(List.of(), "6.1.0-13")).containsExactly("Linux", "6.1.0-13");
        assertThat(PlatformInfo.semantic("1.2.")).isEqualTo("1.2.0");
        assertThat(PlatformInfo.arch("Linux", "amd64")).isEqualTo("x86_64");
        assertThat(PlatformInfo.arch("Linux", "aarch64")).isEqualTo("aarch64");
        assertThat(PlatformInfo.arch("Mac OS X", "aarch64")).isEqualTo("arm64");
    }
}
