package dev.jcodex.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEditorTest {

    private static final String ORIGINAL = """
            # My Codex config
            model   =  "o3"   # the model I like

            approval_policy = 'on-request'

            [features]
            # keep this comment
            undo = true

            [mcp_servers.docs] # docs server
            command = "npx"
            args = [ "-y",   "docs" ]

            [profiles.fast]
            model = "gpt-5"
            """;

    @TempDir
    Path tmp;

    private Path config(String text) throws Exception {
        return Files.writeString(tmp.resolve("config.toml"), text);
    }

    @Test
    void settingAnExistingKeyChangesOnlyItsValue() throws Exception {
        Path file = config(ORIGINAL);

        ConfigEditor.apply(file, ConfigEdit.set("model", "gpt-5.5"));

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL.replace("\"o3\"", "\"gpt-5.5\""));
    }

    @Test
    void newTopLevelKeyGoesBeforeTheFirstTable() throws Exception {
        Path file = config(ORIGINAL);

        ConfigEditor.apply(file, ConfigEdit.set("sandbox_mode", SandboxModeWire.WORKSPACE_WRITE));

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL.replace("approval_policy = 'on-request'\n",
                "approval_policy = 'on-request'\nsandbox_mode = \"workspace-write\"\n"));
    }

    @Test
    void featureFlagsGlobalAndPerProfile() throws Exception {
        Path file = config(ORIGINAL);

        ConfigEditor.apply(file, ConfigEdit.disableFeature("undo"), ConfigEdit.enableFeature("memory_tool"),
                ConfigEdit.enableProfileFeature("fast", "js_repl"));

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL
                .replace("undo = true\n", "undo = false\nmemories = true\n")
                + "\n[profiles.fast.features]\njs_repl = true\n");
    }

    @Test
    void unknownFeatureCannotBeWritten() {
        assertThatThrownBy(() -> ConfigEdit.enableFeature("warp")).hasMessage("Unknown feature flag: warp");
    }

    @Test
    void projectTrustWithAPathThatNeedsQuoting() throws Exception {
        Path file = config(ORIGINAL);
        Path project = tmp.resolve("my project.v2");

        ConfigEditor.apply(file, ConfigEdit.setProjectTrust(project, TrustLevel.TRUSTED));

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL + "\n[projects.\"" + project + "\"]\n"
                + "trust_level = \"trusted\"\n");
        Config config = ConfigLoader.load(ConfigLoadRequest.builder(tmp, project).env(Map.of())
                .systemConfigFile(tmp.resolve("x")).managedConfigFile(tmp.resolve("x"))
                .requirementsFile(tmp.resolve("x")).build());
        assertThat(config.projects().trust()).contains(TrustLevel.TRUSTED);
    }

    @Test
    void changingAnExistingTrustDecisionKeepsItsPlace() throws Exception {
        Path file = config("[projects.\"/a\"]\ntrust_level = \"untrusted\" # decided 2024\n\n[tui]\nanimations = false\n");

        ConfigEditor.apply(file, ConfigEdit.setProjectTrust(Path.of("/a"), TrustLevel.TRUSTED));

        assertThat(Files.readString(file))
                .isEqualTo("[projects.\"/a\"]\ntrust_level = \"trusted\" # decided 2024\n\n[tui]\nanimations = false\n");
    }

    @Test
    void replacingAnMcpServerTableKeepsItsHeaderAndTheRest() throws Exception {
        Path file = config(ORIGINAL);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("url", "https://mcp.example/mcp");
        server.put("http_headers", Map.of("X-Team", "core"));

        ConfigEditor.apply(file, ConfigEdit.setMcpServer("docs", server));

        assertThat(Files.readString(file)).isEqualTo(ORIGINAL.replace(
                "command = \"npx\"\nargs = [ \"-y\",   \"docs\" ]\n",
                "url = \"https://mcp.example/mcp\"\nhttp_headers = { X-Team = \"core\" }\n"));
    }

    @Test
    void addingAnMcpServerAppendsATable() throws Exception {
        Path file = config(ORIGINAL);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("command", "uvx");
        server.put("args", List.of("tool"));
        server.put("env", Map.of("A", "1"));

        ConfigEditor.apply(file, ConfigEdit.setMcpServer("tool", server));

        String text = Files.readString(file);
        assertThat(text).startsWith(ORIGINAL);
        assertThat(text.substring(ORIGINAL.length()))
                .isEqualTo("\n[mcp_servers.tool]\ncommand = \"uvx\"\nargs = [\"tool\"]\nenv = { A = \"1\" }\n");
    }

    @Test
    void removingATableAndAKey() throws Exception {
        Path file = config(ORIGINAL);

        ConfigEditor.apply(file, ConfigEdit.removeMcpServer("docs"), ConfigEdit.remove("approval_policy"),
                ConfigEdit.remove("no.such.key"));

        assertThat(Files.readString(file)).isEqualTo("""
                # My Codex config
                model   =  "o3"   # the model I like

                [features]
                # keep this comment
                undo = true

                [profiles.fast]
                model = "gpt-5"
                """);
    }

    @Test
    void settingThroughAScalarReplacesItWithATable() throws Exception {
        Path file = config("tui = 3\n");

        ConfigEditor.apply(file, ConfigEdit.set("tui.animations", false));

        assertThat(Files.readString(file)).isEqualTo("[tui]\nanimations = false\n");
    }

    @Test
    void dottedKeyStyleAndCrlfLineEndingsArePreserved() throws Exception {
        Path file = config("features.undo = true\r\nmodel = \"a\"\r\n");

        ConfigEditor.apply(file, ConfigEdit.set("features.memories", true));

        assertThat(Files.readString(file)).isEqualTo("features.undo = true\r\nfeatures.memories = true\r\n"
                + "model = \"a\"\r\n");
    }

    @Test
    void newFileIsCreatedWithMode0600AndParentDirectories() throws Exception {
        Path file = tmp.resolve("new-home/config.toml");

        ConfigEditor.apply(file, ConfigEdit.set("model", "o3"));

        assertThat(Files.readString(file)).isEqualTo("model = \"o3\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file);
        }
    }

    @Test
    void existingModeIsKept() throws Exception {
        Path file = config("model = \"a\"\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        ConfigEditor.apply(file, ConfigEdit.set("model", "b"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void symlinkedConfigIsEditedAtItsTarget() throws Exception {
        Path real = Files.writeString(Files.createDirectories(tmp.resolve("dotfiles")).resolve("codex.toml"),
                "model = \"a\"\n");
        Path link = Files.createSymbolicLink(tmp.resolve("config.toml"), real);

        ConfigEditor.apply(link, ConfigEdit.set("model", "b"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("model = \"b\"\n");
    }

    @Test
    void byteOrderMarkIsKept() throws Exception {
        Path file = config("\uFEFFmodel = \"a\"\n");

        ConfigEditor.apply(file, ConfigEdit.set("model", "b"));

        assertThat(Files.readString(file)).isEqualTo("\uFEFFmodel = \"b\"\n");
    }

    @Test
    void brokenFileIsNotTouched() throws Exception {
        Path file = config("model = \"a\n");

        assertThatThrownBy(() -> ConfigEditor.apply(file, ConfigEdit.set("model", "b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":1:11: TOML parse error");
        assertThat(Files.readString(file)).isEqualTo("model = \"a\n");
    }

    @Test
    void noOpEditDoesNotRewriteTheFile() throws Exception {
        Path file = config("model = \"a\" # same\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));

        ConfigEditor.apply(file, ConfigEdit.set("model", "a"));

        assertThat(Files.getLastModifiedTime(file).toMillis()).isZero();
    }

    @Test
    void editedFileLoadsWithTheNewValues() throws Exception {
        Path file = config(ORIGINAL);

        ConfigEditor.apply(file, ConfigEdit.set("model_reasoning_effort", "high"),
                ConfigEdit.set("profiles.fast.sandbox_mode", "workspace-write"));

        Config config = ConfigLoader.load(ConfigLoadRequest.builder(tmp, tmp).env(Map.of()).profile("fast")
                .systemConfigFile(tmp.resolve("x")).managedConfigFile(tmp.resolve("x"))
                .requirementsFile(tmp.resolve("x")).build());
        assertThat(config.modelSettings().reasoningEffort()).isEqualTo(dev.jcodex.protocol.ReasoningEffort.HIGH);
        assertThat(config.permissions().sandboxMode()).isEqualTo(dev.jcodex.protocol.SandboxMode.WORKSPACE_WRITE);
        assertThat(config.model()).isEqualTo("gpt-5");
    }

    @Test
    void valuesOfEveryKindRoundTrip() throws Exception {
        Path file = config("");

        ConfigEditor.apply(file, ConfigEdit.set("a", 1), ConfigEdit.set("b", 2.5), ConfigEdit.set("c", true),
                ConfigEdit.set("d", List.of("x", 2L)), ConfigEdit.set("e", Path.of("/p")),
                ConfigEdit.set("t.\"quoted.key\"", "v"));

        assertThat(Files.readString(file)).isEqualTo("a = 1\nb = 2.5\nc = true\nd = [\"x\", 2]\ne = \"/p\"\n\n"
                + "[t]\n\"quoted.key\" = \"v\"\n");
    }

    /** A WireEnum from outside the module, to check enums are written by their wire name. */
    enum SandboxModeWire implements dev.jcodex.protocol.WireEnum {
        WORKSPACE_WRITE;

        @Override
        public String wire() {
            return dev.jcodex.protocol.WireEnum.kebab(this);
        }
    }
}
