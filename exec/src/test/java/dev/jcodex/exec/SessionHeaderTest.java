package dev.jcodex.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.SandboxPolicy;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionHeaderTest {
    @Test
    void sandboxSummariesMatchTheReference() {
        assertThat(SessionHeader.sandboxSummary(new SandboxPolicy.DangerFullAccess())).isEqualTo("danger-full-access");
        assertThat(SessionHeader.sandboxSummary(new SandboxPolicy.ReadOnly(null, null))).isEqualTo("read-only");
        assertThat(SessionHeader.sandboxSummary(new SandboxPolicy.ExternalSandbox("enabled")))
                .isEqualTo("external-sandbox (network access enabled)");
        assertThat(SessionHeader.sandboxSummary(new SandboxPolicy.WorkspaceWrite(List.of(), null, false, false, false)))
                .isEqualTo("workspace-write [workdir, /tmp, $TMPDIR]");
        assertThat(SessionHeader.sandboxSummary(new SandboxPolicy.WorkspaceWrite(List.of("/data", "/cache"), null, true,
                true, true))).isEqualTo("workspace-write [workdir, /data, /cache] (network access enabled)");
    }

    @Test
    void givenValuesWinAndReasoningLinesCanBeLeftOut() {
        ExecOptions options = ExecOptions.builder(Path.of("/w")).effort(ReasoningEffort.HIGH)
                .reasoningSummary(ReasoningSummary.DETAILED)
                .header(new HeaderInfo(null, null, "oss", null, "custom sandbox", null, null, true)).build();
        SessionHeader header = SessionHeader.of(options, Fixtures.started("thr", "gpt-5.5", "openai", Fixtures.READ_ONLY));
        assertThat(header.entries()).containsExactly(Map.entry("workdir", "/w"), Map.entry("model", "gpt-5.5"),
                Map.entry("provider", "oss"), Map.entry("approval", "never"), Map.entry("sandbox", "custom sandbox"),
                Map.entry("reasoning effort", "high"), Map.entry("reasoning summaries", "detailed"),
                Map.entry("session id", "thr"));
        ExecOptions chat = ExecOptions.builder(Path.of("/w"))
                .header(new HeaderInfo(null, null, null, null, null, null, null, false)).build();
        assertThat(SessionHeader.of(chat, Fixtures.started("thr", "m", "p", Fixtures.READ_ONLY)).entries())
                .extracting(Map.Entry::getKey)
                .containsExactly("workdir", "model", "provider", "approval", "sandbox", "session id");
    }
}
