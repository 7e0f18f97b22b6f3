package dev.jcodex.cli;

import dev.jcodex.config.Config;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code -c key=value} flag for subcommands that take no other agent flags ({@code login}, {@code logout},
 * {@code sandbox …}). Root-level flags ({@code codex -c … -p … -C … login}) still apply: they are merged under this
 * command's own values by {@link SharedOptions#inheritFrom}, so a subcommand's {@code -c} wins.
 */
final class ConfigFlags {

    @Option(names = {"-c", "--config"}, paramLabel = "key=value",
            description = "Override a config value (dotted path; value parsed as TOML, else a string). Repeatable.")
    List<String> overrides = new ArrayList<>();

    /** Fresh shared options holding only this command's {@code -c} values; callers may set more before loading. */
    SharedOptions own() {
        SharedOptions own = new SharedOptions();
        own.configOverrides = new ArrayList<>(overrides);
        return own;
    }

    /** Loads the config for {@code own} merged with the root command's flags. */
    static Config load(CliIo io, CommandSpec spec, SharedOptions own) {
        if (spec.root().userObject() instanceof RootCommand root) {
            own.inheritFrom(root.shared);
        }
        return ConfigSupport.load(io, own);
    }
}
