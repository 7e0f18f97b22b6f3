package dev.jcodex.cli;

import dev.jcodex.config.Config;
import dev.jcodex.modelclient.LoginCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codex logout}: removes auth.json; "Successfully logged out" or "Not logged in" on stderr, both exit 0. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Remove stored authentication credentials.")
final class LogoutCommand implements Callable<Integer> {

    @Mixin
    ConfigFlags config;

    @Spec
    CommandSpec spec;

    private final CliIo io;

    LogoutCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Config cfg = ConfigFlags.load(io, spec, config.own());
        return LoginCommands.logout(io.out(), io.err(), cfg.codexHome());
    }
}
