package dev.jcodex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error names the file with line:column (or the -c override) and the dotted key. */
class ConfigErrorsTest {

    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void setUp() {
        fx = new Fixture(tmp);
    }

    @Test
    void brokenTomlSyntaxNamesFileLineAndColumn() {
        Path file = fx.userConfig("model = \"o3\"\napproval_policy = \"never\n");

        assertThatThrownBy(fx::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2:25: TOML parse error: Unexpected end of line, expected \" or a character");
    }

    @Test
    void duplicateKeysAreASyntaxError() {
        Path file = fx.userConfig("model = \"a\"\nmodel = \"b\"\n");

        assertThatThrownBy(fx::load)
                .hasMessage(file + ":2:1: TOML parse error: model previously defined at line 1, column 1");
    }

    @Test
    void badEnumValueListsTheAcceptedValues() {
        Path file = fx.userConfig("# sandbox\n\nsandbox_mode   = \"full\"\n");

        assertThatThrownBy(fx::load)
                .hasMessage(file + ":3:18: invalid value for sandbox_mode: expected one of read-only,"
                        + " workspace-write, danger-full-access, got \"full\"");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        Path file = fx.userConfig("[history]\nmax_bytes = \"lots\"\n");

        assertThatThrownBy(fx::load)
                .hasMessage(file + ":2:13: invalid type for history.max_bytes: expected an integer, got \"lots\"");
    }

    @Test
    void wrongTypeInsideAProfileNamesTheProfileLine() {
        Path file = fx.userConfig("[profiles.p]\nmodel_verbosity = 3\n");

        assertThatThrownBy(() -> ConfigLoader.load(fx.request().profile("p").build()))
                .hasMessage(file + ":2:19: invalid type for model_verbosity: expected a string, got integer 3");
    }

    @Test
    void badValueFromACliOverrideNamesTheOverride() {
        assertThatThrownBy(() -> ConfigLoader.load(fx.request().cliOverride("sandbox_mode=full").build()))
                .hasMessage("-c sandbox_mode=full: invalid value for sandbox_mode: expected one of read-only,"
                        + " workspace-write, danger-full-access, got \"full\"");
    }

    @Test
    void malformedCliOverrideFailsTheLoad() {
        assertThatThrownBy(() -> ConfigLoader.load(fx.request().cliOverride("model").build()))
                .hasMessage("Invalid override (missing '='): model");
    }

    @Test
    void tableWhereAValueIsExpected() {
        Path file = fx.userConfig("[model]\nx = 1\n");

        assertThatThrownBy(fx::load)
                .hasMessage(file + ":1:1: invalid type for model: expected a string, got a table");
    }

    @Test
    void nonStringInAStringMapNamesTheEntry() {
        Path file = fx.userConfig("[shell_environment_policy.set]\nA = 1\n");

        assertThatThrownBy(fx::load).hasMessage(file
                + ":2:5: invalid type for shell_environment_policy.set.A: expected a string, got integer 1");
    }

    @Test
    void negativeSizeIsRejected() {
        Path file = fx.userConfig("project_doc_max_bytes = -1\n");

        assertThatThrownBy(fx::load).hasMessage(file
                + ":1:25: invalid value for project_doc_max_bytes: expected a non-negative integer, got integer -1");
    }

    @Test
    void unknownModelProviderNamesTheIdAndTheKnownOnes() {
        Path file = fx.userConfig("model_provider = \"acme\"\n[model_providers.mock]\nbase_url = \"http://x\"\n");

        assertThatThrownBy(fx::load).hasMessage(file
                + ":1:18: model provider `acme` not found; known providers: lmstudio, mock, ollama, openai");
    }

    @Test
    void unknownProviderFieldIsRejected() {
        Path file = fx.userConfig("[model_providers.mock]\nbase_url = \"http://x\"\nbaseurl = \"y\"\n");

        assertThatThrownBy(fx::load).hasMessageStartingWith(file + ":3:11: model_providers.mock.baseurl: unknown"
                + " field `baseurl` in model provider `mock`; expected one of auth, aws, base_url,");
    }

    @Test
    void ollamaChatHasAMigrationError() {
        Path file = fx.userConfig("model_provider = \"ollama-chat\"\n");

        assertThatThrownBy(fx::load).hasMessage(file
                + ":1:18: The 'ollama-chat' provider has been removed. Use 'ollama' instead.");
    }

    @Test
    void authCommandConflictsWithEnvKey() {
        Path file = fx.userConfig("[model_providers.p]\nenv_key = \"K\"\n[model_providers.p.auth]\ncommand = \"t\"\n");

        assertThatThrownBy(fx::load)
                .hasMessage(file + ":3:1: model_providers.p.auth: cannot be combined with `env_key`");
    }

    @Test
    void mixingMcpTransportsIsRejected() {
        Path file = fx.userConfig("[mcp_servers.docs]\ncommand = \"npx\"\nurl = \"http://x\"\n");

        assertThatThrownBy(fx::load)
                .hasMessage(file + ":3:7: mcp_servers.docs.url: url is not supported for stdio");
    }

    @Test
    void mcpServerWithoutTransport() {
        Path file = fx.userConfig("[mcp_servers.docs]\nenabled = true\n");

        assertThatThrownBy(fx::load).hasMessage(file
                + ":1:1: invalid transport for mcp_servers.docs: expected `command` (stdio) or `url` (streamable_http)");
    }

    @Test
    void inlineBearerTokenIsRejected() {
        Path file = fx.userConfig("[mcp_servers.x]\nurl = \"http://x\"\nbearer_token = \"sekrit\"\n");

        assertThatThrownBy(fx::load).hasMessageStartingWith(file
                + ":3:16: mcp_servers.x.bearer_token: inline bearer tokens are not supported");
    }

    @Test
    void unreadableInstructionsFileIsAnError() {
        Path file = fx.userConfig("model_instructions_file = \"missing.md\"\n");

        assertThatThrownBy(fx::load).hasMessage(file + ":1:27: model_instructions_file: failed to read "
                + fx.home.resolve("missing.md") + ": no such file");
    }

    @Test
    void configFileThatIsADirectory() throws Exception {
        Files.createDirectory(fx.home.resolve("config.toml"));

        assertThatThrownBy(fx::load)
                .hasMessage(fx.home.resolve("config.toml") + ": is a directory, expected a TOML file");
    }

    @Test
    void invalidUtf8() throws Exception {
        Files.write(fx.home.resolve("config.toml"), new byte[] {'a', '=', '"', (byte) 0xff, '"'});

        assertThatThrownBy(fx::load).hasMessage(fx.home.resolve("config.toml") + ": not valid UTF-8");
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() {
        fx.userConfig("\uFEFFmodel = \"bom\"\n");

        assertThat(fx.load().model()).isEqualTo("bom");
    }

    @Test
    void granularApprovalPolicyIsRejectedClearly() {
        Path file = fx.userConfig("approval_policy = { granular = { rules = true } }\n");

        assertThatThrownBy(fx::load).hasMessageStartingWith(file + ":1:1: approval_policy: granular approval"
                + " policies are not supported by jcodex");
    }

    @Test
    void emptyKnownTablesAreNotUnknownButEmptyUnknownTablesAre() {
        Path file = fx.userConfig("[tui]\n[history]\n[mystery]\n");

        assertThat(fx.load().diagnostics().unknownKeys())
                .containsExactly(file + ":3:1: unknown configuration key `mystery`");
    }

    @Test
    void unknownKeysAreToleratedAndReported() {
        Path file = fx.userConfig("modle = \"typo\"\n[tui]\nanimashuns = false\n[hooks]\nanything = 1\n");

        Config config = fx.load();

        assertThat(config.diagnostics().unknownKeys()).containsExactly(
                file + ":1:9: unknown configuration key `modle`",
                file + ":3:14: unknown configuration key `tui.animashuns`");
    }
}
