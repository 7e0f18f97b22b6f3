package dev.jcodex.cli;

import dev.jcodex.common.StartupTrace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code codex [OPTIONS] [PROMPT]} and the table of subcommands. */
@Command(name = "codex", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionProvider.class,
        description = "Codex CLI (jcodex): a coding agent that reads your repository, runs commands and edits files.",
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

    /**
     * The subcommands in help order with every name that selects them (each equal to its {@code @Command} name and
     * aliases; a test keeps them in step). They are registered here rather than in {@code @Command(subcommands)} so
     * a run can skip building the models of the ones its arguments cannot select.
     */
    record Subcommand(Class<?> type, List<String> names) {}

    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand(ExecCommand.class, List.of("exec", "e")),
            new Subcommand(LoginCommand.class, List.of("login")),
            new Subcommand(LogoutCommand.class, List.of("logout")),
            new Subcommand(ApplyPatchCommand.class, List.of("apply_patch", "applypatch")),
            new Subcommand(CompletionCommand.class, List.of("completion")),
            new Subcommand(SandboxCommand.class, List.of("sandbox")),
            new Subcommand(FeaturesCommand.class, List.of("features")),
            new Subcommand(DebugCommand.class, List.of("debug")),
            new Subcommand(ExecPolicyCommand.class, List.of("execpolicy")));

    /** Builds the command line with our factory and error handlers, runs it, returns the exit code. */
    static int execute(CliIo io, String... args) {
        ExecCommand fast = FastExecArgs.parse(io, args);
        if (fast != null) {
            StartupTrace.mark("exec arguments parsed without picocli");
            try {
                return fast.call();
            } catch (Exception e) {
                return executionFailure(io, e);
            }
        }
        CommandLine cmd = leanCommandLine(io, args);
        if (cmd == null) {
            cmd = commandLine(io);
        }
        StartupTrace.mark("picocli model built");
        return cmd.execute(args);
    }

    /** The full command line: every subcommand registered. */
    static CommandLine commandLine(CliIo io) {
        return commandLine(io, SUBCOMMANDS);
    }

    /**
     * Start-up shortcut (building a subcommand's model is reflection-heavy): a command line with only the
     * subcommands named somewhere in {@code args}, which are the only ones a parse can select. Null (use the full
     * one) when no subcommand is named, when {@code completion} needs the whole tree, when the arguments do not
     * parse (the full one reports the error with all its suggestions), or when they ask for the root's usage, which
     * lists every subcommand. Otherwise the parse and everything after it are the same as with the full one.
     */
    static CommandLine leanCommandLine(CliIo io, String... args) {
        java.util.Set<String> tokens = new java.util.HashSet<>(java.util.Arrays.asList(args));
        List<Subcommand> named = SUBCOMMANDS.stream()
                .filter(sub -> sub.names().stream().anyMatch(tokens::contains)).toList();
        if (named.isEmpty() || named.size() == SUBCOMMANDS.size()
                || named.stream().anyMatch(sub -> sub.type() == CompletionCommand.class)) {
            return null;
        }
        CommandLine lean = commandLine(io, named);
        try {
            if (lean.parseArgs(args).isUsageHelpRequested()) {
                return null;
            }
        } catch (CommandLine.ParameterException e) {
            return null;
        }
        return lean;
    }

    private static CommandLine commandLine(CliIo io, List<Subcommand> subcommands) {
        Factory factory = new Factory(io);
        CommandLine cmd = new CommandLine(new RootCommand(io), factory);
        for (Subcommand sub : subcommands) {
            cmd.addSubcommand(new CommandLine(sub.type(), factory));
        }
        cmd.setOut(new java.io.PrintWriter(io.out(), true));
        cmd.setErr(new java.io.PrintWriter(io.err(), true));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> executionFailure(io, ex));
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            io.err().println("error: " + ex.getMessage());
            io.err().println();
            io.err().println("For more information, try '--help'.");
            return 2;
        });
        return cmd;
    }

    /** How a command that threw ends: a {@link CliException}'s message and code, else "Error: …" and 1. */
    static int executionFailure(CliIo io, Exception ex) {
        if (ex instanceof CliException ce) {
            if (!ce.getMessage().isEmpty()) {
                io.err().println(ce.getMessage());
            }
            return ce.exitCode();
        }
        io.err().println("Error: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
        System.getLogger("dev.jcodex.cli").log(System.Logger.Level.ERROR, "command failed", ex);
        return 1;
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
