package dev.jcodex.cli;

import picocli.CommandLine.Command;

/** {@code codex debug …}: internal tools (hidden from help). */
@Command(name = "debug", hidden = true, mixinStandardHelpOptions = true, description = "Internal debugging tools.",
        subcommands = {AotTrainCommand.class})
final class DebugCommand {}
