package dev.jcodex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.SandboxPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seatbelt profiles as text; run with {@code -Djcodex.updateGoldens=true} to rewrite the golden files. */
class SeatbeltProfileTest {

    private static final Path GOLDENS = Path.of("src/test/resources/seatbelt");

    @TempDir Path tmp;
    private Path cwd;
    private Path extra;

    @BeforeEach
    void setUp() throws Exception {
        cwd = Files.createDirectories(tmp.resolve("project")).toRealPath();
        Files.createDirectories(cwd.resolve(".git"));
        extra = Files.createDirectories(tmp.resolve("extra")).toRealPath();
    }

    @Test
    void readOnly() throws Exception {
        SeatbeltProfile profile = SeatbeltProfile.forPolicy(new SandboxPolicy.ReadOnly(), cwd, Map.of());
        assertGolden("read-only.sb", profile.text());
        assertThat(profile.parameters()).isEmpty();
        assertThat(profile.text()).doesNotContain("(allow file-write*\n", "WRITABLE_ROOT", "network-outbound");
    }

    @Test
    void workspaceWriteWithoutNetwork() throws Exception {
        SeatbeltProfile profile = SeatbeltProfile.forPolicy(
                new SandboxPolicy.WorkspaceWrite(List.of(extra.toString()), false, true, true), cwd, Map.of());
        assertGolden("workspace-write.sb", profile.text());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("WRITABLE_ROOT_0", extra.toString());
        expected.put("WRITABLE_ROOT_1", cwd.toString());
        expected.put("WRITABLE_ROOT_1_RO_0", cwd.resolve(".git").toString());
        expected.put("WRITABLE_ROOT_1_RO_1", cwd.resolve(".codex").toString());
        assertThat(profile.parameters()).containsExactlyEntriesOf(expected);
    }

    @Test
    void workspaceWriteWithNetworkAndTmpdir() throws Exception {
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir")).toRealPath();
        SeatbeltProfile profile = SeatbeltProfile.forPolicy(new SandboxPolicy.WorkspaceWrite(List.of(), true, false, true),
                cwd, Map.of("TMPDIR", tmpdir.toString()));
        assertGolden("workspace-write-network.sb", profile.text());
        assertThat(profile.parameters()).containsEntry("WRITABLE_ROOT_1", tmpdir.toString());
    }

    @Test
    void dangerFullAccessAllowsEverything() {
        assertThat(SeatbeltProfile.forPolicy(new SandboxPolicy.DangerFullAccess(), cwd, Map.of()))
                .isEqualTo(new SeatbeltProfile("(version 1)\n(allow default)\n", Map.of()));
    }

    @Test
    void argvUsesOnlyUsrBinSandboxExecAndPassesParametersAsDefines() {
        SeatbeltProfile profile = new SeatbeltProfile("(version 1)", Map.of("WRITABLE_ROOT_0", "/w"));
        assertThat(profile.argvPrefix())
                .containsExactly("/usr/bin/sandbox-exec", "-p", "(version 1)", "-DWRITABLE_ROOT_0=/w", "--");
    }

    @Test
    void everyParameterTheTextUsesIsDefinedAndParenthesesBalance() {
        SeatbeltProfile profile = SeatbeltProfile.forPolicy(
                new SandboxPolicy.WorkspaceWrite(List.of(extra.toString()), true, true, true), cwd, Map.of());
        var matcher = java.util.regex.Pattern.compile("\\(param \"([A-Z0-9_]+)\"\\)").matcher(profile.text());
        while (matcher.find()) {
            assertThat(profile.parameters()).containsKey(matcher.group(1));
        }
        long depth = 0;
        for (String line : profile.text().lines().toList()) {
            String code = line.startsWith(";") ? "" : line.replaceAll("#\"[^\"]*\"", "").replaceAll("\"[^\"]*\"", "");
            for (char c : code.toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                assertThat(depth).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(depth).isZero();
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path golden = GOLDENS.resolve(name);
        if (Boolean.getBoolean("jcodex.updateGoldens")) {
            Files.createDirectories(GOLDENS);
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
