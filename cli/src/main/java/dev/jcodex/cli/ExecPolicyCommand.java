package dev.jcodex.cli;

import dev.jcodex.execpolicy.ExecPolicyCheckCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codex execpolicy check} (hidden, spec §7): evaluate a command against execpolicy rules files. */
@Command(name = "execpolicy", hidden = true, mixinStandardHelpOptions = true,
        description = "Inspect execpolicy rules.", subcommands = ExecPolicyCommand.CheckCommand.class)
final class ExecPolicyCommand {

    /**
     * {@code codex execpolicy check --rules FILE [--rules FILE…] [--resolve-host-executables] [--pretty] [--]
     * COMMAND…}: prints the matching rules as JSON. The arguments are handed to the execpolicy module's
     * {@link ExecPolicyCheckCommand} in canonical form, so its output, errors and exit codes are the reference's.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a command against execpolicy rules files and print the matching rules as JSON.")
    static final class CheckCommand implements Callable<Integer> {
        @Option(names = {"-r", "--rules"}, paramLabel = "PATH",
                description = "Rules file to evaluate (repeatable; evaluated in order).")
        List<String> rules = new ArrayList<>();

        @Option(names = "--resolve-host-executables",
                description = "Let absolute program paths fall back to basename rules.")
        boolean resolveHostExecutables;

        @Option(names = "--pretty", description = "Pretty-print the JSON output.")
        boolean pretty;

        @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The command to check.")
        List<String> command = new ArrayList<>();

        private final CliIo io;

        CheckCommand(CliIo io) {
            this.io = io;
        }

        /** Everything after the first positional argument belongs to the command, options included. */
        @Spec
        void spec(CommandSpec commandSpec) {
            commandSpec.parser().stopAtPositional(true);
        }

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            for (String file : rules) {
                args.add("--rules");
                args.add(againstCwd(file));
            }
            if (resolveHostExecutables) {
                args.add("--resolve-host-executables");
            }
            if (pretty) {
                args.add("--pretty");
            }
            args.add("--");
            args.addAll(command);
            int code = ExecPolicyCheckCommand.run(args, io.out(), io.err());
            io.out().flush();
            return code;
        }

        /** A relative path as given when our cwd is the JVM's (messages keep the user's spelling), else resolved. */
        private String againstCwd(String file) {
            java.nio.file.Path path = java.nio.file.Path.of(file);
            if (path.isAbsolute() || io.cwd().equals(java.nio.file.Path.of("").toAbsolutePath())) {
                return file;
            }
            return io.cwd().resolve(path).toString();
        }
    }
}
