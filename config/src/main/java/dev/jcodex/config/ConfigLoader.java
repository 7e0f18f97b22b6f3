package dev.jcodex.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the effective {@link Config} (spec §8.2). Layers, lowest precedence first: system
 * {@code /etc/codex/config.toml}, user {@code $CODEX_HOME/config.toml}, project {@code .codex/config.toml} files
 * from the project root down to cwd (only when the project is trusted), {@code -c} overrides (session flags),
 * legacy {@code managed_config.toml}. Then, per key: harness overrides &gt; active profile &gt; merged layers &gt;
 * built-in default. {@code requirements.toml} constrains the result.
 *
 * <p>Plain tomlj parsing and hand-written typed reads; no reflection, so it is cheap at every start-up.
 */
public final class ConfigLoader {

    /** The config file name inside CODEX_HOME and {@code .codex/} directories. */
    public static final String CONFIG_FILE_NAME = "config.toml";

    private ConfigLoader() {}

    /**
     * Loads and validates the configuration.
     *
     * @throws ConfigException with a message fit for the user (file:line:col or {@code -c ...}, dotted key,
     *                         what was expected)
     */
    public static Config load(ConfigLoadRequest request) {
        Path cwd = effectiveCwd(request);
        List<ConfigOverride> overrides = new ArrayList<>(ConfigOverride.parseAll(request.cliOverrides()));
        request.overrides().featureToggles().forEach((name, on) -> {
            Feature.require(name);
            overrides.add(new ConfigOverride((on ? "--enable " : "--disable ") + name, List.of("features", name),
                    on));
        });
        ConfigRequirements requirements = ConfigRequirements.load(request.requirementsFile());
        List<String> warnings = new ArrayList<>();
        List<ConfigLayer> layers = new ArrayList<>();

        TomlNode.Table system = addFileLayer(layers, ConfigLayer.Kind.SYSTEM, request.systemConfigFile());
        TomlNode.Table user = request.userConfig() == ConfigLoadRequest.UserConfigMode.LOAD
                ? addFileLayer(layers, ConfigLayer.Kind.USER, request.codexHome().resolve(CONFIG_FILE_NAME))
                : null;
        TomlNode.Table session = sessionLayer(overrides, cwd);
        TomlNode.Table managed = TomlFiles.readIfExists(request.managedConfigFile());

        TomlNode.Table trustView = merge(system, user, session, managed);
        TableReader trustReader = new TableReader(trustView, List.of(), new KeyUsage(), request.env());
        Path projectRoot = ProjectSettings.findProjectRoot(cwd, InstructionSettings.projectRootMarkers(trustReader));
        TrustLevel trust = ProjectSettings.lookup(ProjectSettings.parseProjects(trustReader), cwd, projectRoot);

        List<TomlNode.Table> projectLayers = projectLayers(request, cwd, projectRoot, trust, layers, warnings);
        if (!session.isEmpty()) {
            layers.add(new ConfigLayer(ConfigLayer.Kind.SESSION_FLAGS, null, ConfigLayer.State.ENABLED,
                    session.toPlain()));
        }
        if (managed != null) {
            layers.add(new ConfigLayer(ConfigLayer.Kind.MANAGED, request.managedConfigFile(),
                    ConfigLayer.State.ENABLED, managed.toPlain()));
        }

        List<TomlNode.Table> stack = new ArrayList<>();
        stack.add(system);
        stack.add(user);
        stack.addAll(projectLayers);
        stack.add(session);
        stack.add(managed);
        TomlNode.Table merged = merge(stack.toArray(TomlNode.Table[]::new));

        ParseContext ctx = new ParseContext(cwd, request.codexHome(), request.env(), request.overrides(),
                requirements, trust, warnings);
        return new ConfigAssembler(ctx, merged, request.profile(), projectRoot, layers).assemble();
    }

    private static Path effectiveCwd(ConfigLoadRequest request) {
        Path base = request.cwd().toAbsolutePath().normalize();
        Path override = request.overrides().cwd();
        return override == null ? base : base.resolve(override).toAbsolutePath().normalize();
    }

    private static TomlNode.Table addFileLayer(List<ConfigLayer> layers, ConfigLayer.Kind kind, Path file) {
        TomlNode.Table table = TomlFiles.readIfExists(file);
        if (table != null) {
            layers.add(new ConfigLayer(kind, file, ConfigLayer.State.ENABLED, table.toPlain()));
        }
        return table;
    }

    private static TomlNode.Table sessionLayer(List<ConfigOverride> overrides, Path cwd) {
        TomlNode.Table session = new TomlNode.Table(Origin.flag("command line", cwd));
        for (ConfigOverride override : overrides) {
            TomlNode node = override.toNode(cwd);
            TomlNode.Table single = new TomlNode.Table(node.origin());
            single.setPath(override.path(), node);
            session.mergeFrom(single);
        }
        return session;
    }

    private static List<TomlNode.Table> projectLayers(ConfigLoadRequest request, Path cwd, Path projectRoot,
            TrustLevel trust, List<ConfigLayer> layers, List<String> warnings) {
        List<TomlNode.Table> result = new ArrayList<>();
        Path codexHome = ProjectSettings.realPath(request.codexHome());
        for (Path dir : ProjectSettings.rootToCwd(projectRoot, cwd)) {
            Path dotCodex = dir.resolve(".codex");
            Path file = dotCodex.resolve(CONFIG_FILE_NAME);
            if (!Files.isRegularFile(file) || ProjectSettings.realPath(dotCodex).equals(codexHome)) {
                continue;
            }
            if (trust == TrustLevel.TRUSTED) {
                TomlNode.Table table = TomlFiles.readIfExists(file);
                layers.add(new ConfigLayer(ConfigLayer.Kind.PROJECT, file, ConfigLayer.State.ENABLED,
                        table.toPlain()));
                result.add(table);
            } else {
                layers.add(new ConfigLayer(ConfigLayer.Kind.PROJECT, file, ConfigLayer.State.DISABLED_UNTRUSTED,
                        Map.of()));
                warnings.add("Ignoring project config " + file + ": the project " + projectRoot
                        + (trust == TrustLevel.UNTRUSTED ? " is marked untrusted" : " is not trusted")
                        + ". To use it, set [projects.\"" + projectRoot + "\"] trust_level = \"trusted\" in "
                        + request.codexHome().resolve(CONFIG_FILE_NAME) + ".");
            }
        }
        return result;
    }

    private static TomlNode.Table merge(TomlNode.Table... tables) {
        TomlNode.Table merged = new TomlNode.Table(new Origin("<defaults>", null, 0, 0));
        for (TomlNode.Table table : tables) {
            if (table != null) {
                merged.mergeFrom(table);
            }
        }
        return merged;
    }
}
