package dev.jcodex.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code codex completion [bash|zsh|fish]}: prints a shell completion script (default bash). */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script: bash (default), zsh or fish.")
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh, fish }

    @Parameters(arity = "0..1", paramLabel = "SHELL", defaultValue = "bash", description = "bash, zsh or fish.")
    Shell shell;

    @Spec
    CommandSpec spec;

    private final CliIo io;

    CompletionCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = switch (shell) {
            case bash -> AutoComplete.bash("codex", root);
            case zsh -> "#compdef codex\nautoload -U +X bashcompinit && bashcompinit\n"
                    + AutoComplete.bash("codex", root);
            case fish -> fish(root);
        };
        io.out().print(script);
        io.out().flush();
        return 0;
    }

    /** A fish script listing subcommands and options of every command, derived from the command model. */
    static String fish(CommandLine root) {
        StringBuilder sb = new StringBuilder("# fish completion for codex\ncomplete -c codex -f\n");
        for (var entry : root.getSubcommands().entrySet()) {
            CommandSpec sub = entry.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) {
                continue;
            }
            sb.append("complete -c codex -n '__fish_use_subcommand' -a ").append(entry.getKey())
                    .append(" -d ").append(quote(firstLine(sub.usageMessage().description()))).append('\n');
            appendOptions(sb, sub, "__fish_seen_subcommand_from " + entry.getKey());
        }
        appendOptions(sb, root.getCommandSpec(), "__fish_use_subcommand");
        return sb.toString();
    }

    private static void appendOptions(StringBuilder sb, CommandSpec spec, String condition) {
        for (OptionSpec opt : spec.options()) {
            if (opt.hidden()) {
                continue;
            }
            sb.append("complete -c codex -n '").append(condition).append('\'');
            for (String name : opt.names()) {
                if (name.startsWith("--")) {
                    sb.append(" -l ").append(name.substring(2));
                } else if (name.startsWith("-") && name.length() == 2) {
                    sb.append(" -s ").append(name.substring(1));
                }
            }
            if (opt.arity().max() > 0) {
                sb.append(" -r");
            }
            sb.append(" -d ").append(quote(firstLine(opt.description()))).append('\n');
        }
    }

    private static String firstLine(String[] description) {
        return description.length == 0 ? "" : description[0];
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
