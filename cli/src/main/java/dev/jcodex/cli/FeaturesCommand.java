package dev.jcodex.cli;

import dev.jcodex.config.Config;
import dev.jcodex.config.Features;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code codex features list}: the feature flags with their stage and effective state. */
@Command(name = "features", mixinStandardHelpOptions = true, description = "Inspect feature flags.",
        subcommands = FeaturesCommand.ListCommand.class)
final class FeaturesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List known feature flags with their stage and whether they are enabled.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        SharedOptions shared;

        private final CliIo io;

        ListCommand(CliIo io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            RootCommand root = (RootCommand) spec.root().userObject();
            shared.inheritFrom(root.shared);
            Config config = ConfigSupport.load(io, shared);
            int width = 0;
            for (Features.Row row : config.features().rows()) {
                width = Math.max(width, row.name().length());
            }
            for (Features.Row row : config.features().rows()) {
                io.out().printf("%-" + width + "s  %-17s  %s%n", row.name(), row.stage().label(), row.enabled());
            }
            return 0;
        }

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;
    }
}
