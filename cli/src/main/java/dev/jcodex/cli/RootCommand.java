package dev.jcodex.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code codex [OPTIONS] [PROMPT]} and the table of subcommands. */
@Command(name = "codex", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionProvider.class,
        description = "Codex CLI (jcodex): a coding agent that reads your repository, runs commands and edits files.",
        subcommands = {ExecCommand.class, LoginCommand.class, LogoutCommand.class, ApplyPatchCommand.class,
                CompletionCommand.class,
                SandboxCommand.class, FeaturesCommand.class, DebugCommand.class, ExecPolicyCommand.class},
        usageHelpAutoWidth = true)
final class RootCommand implements Callable<Integer> {

    @Mixin
    SharedOptions shared;

    @Parameters(arity = "0..1", paramLabel = "PROMPT", description = "Optional user prompt to start the session.")
    String prompt;

    @picocli.CommandLine.Option(names = {"-a", "--ask-for-approval"}, paramLabel = "POLICY",
            description = "When to ask before running commands: untrusted, on-failure, on-request, never.")
    String approval;

    @picocli.CommandLine.Option(names = "--search", description = "Enable live web search.")
    boolean search;

    @picocli.CommandLine.Option(names = "--no-alt-screen", description = "Run the TUI inline, keeping scrollback.")
    boolean noAltScreen;

    private final CliIo io;

    RootCommand(CliIo io) {
        this.io = io;
    }

    CliIo io() {
        return io;
    }

    @Override
    public Integer call() {
        shared.validate();
        io.err().println("codex: the interactive terminal UI is not part of this build yet; "
                + "run `codex exec PROMPT` for a headless session.");
        return 1;
    }

    /** Builds the command line with our factory and error handlers, runs it, returns the exit code. */
    static int execute(CliIo io, String... args) {
        CommandLine cmd = commandLine(io);
        return cmd.execute(args);
    }

    static CommandLine commandLine(CliIo io) {
        CommandLine cmd = new CommandLine(new RootCommand(io), new Factory(io));
        cmd.setOut(new java.io.PrintWriter(io.out(), true));
        cmd.setErr(new java.io.PrintWriter(io.err(), true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliException ce) {
                if (!ce.getMessage().isEmpty()) {
                    io.err().println(ce.getMessage());
                }
                return ce.exitCode();
            }
            io.err().println("Error: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            System.getLogger("dev.jcodex.cli").log(System.Logger.Level.ERROR, "command failed", ex);
            return 1;
        });
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            io.err().println("error: " + ex.getMessage());
            io.err().println();
            io.err().println("For more information, try '--help'.");
            return 2;
        });
        return cmd;
    }

    /** Gives every command class access to the invocation's {@link CliIo}. */
    private record Factory(CliIo io) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (var ctor : cls.getDeclaredConstructors()) {
                if (ctor.getParameterCount() == 1 && ctor.getParameterTypes()[0] == CliIo.class) {
                    ctor.setAccessible(true);
                    return cls.cast(ctor.newInstance(io));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"codex-cli " + Version.current()};
        }
    }
}
