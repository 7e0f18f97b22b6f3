package dev.jcodex.execpolicy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code codex execpolicy check --rules FILE [--rules FILE…] [--resolve-host-executables] [--pretty] -- COMMAND…}:
 * loads the rules files in order, matches the command (as given, no shell parsing, no heuristics) and prints
 * {@code {"matchedRules":[…],"decision":"…"}} — {@code {"matchedRules":[]}} when nothing matches.
 */
public final class ExecPolicyCheckCommand {

    /** Exit code for success (whatever the decision). */
    public static final int EXIT_OK = 0;
    /** Exit code when a rules file cannot be loaded. */
    public static final int EXIT_ERROR = 1;
    /** Exit code for bad command-line usage. */
    public static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage: codex execpolicy check --rules <PATH> [--rules <PATH>...] [--resolve-host-executables] [--pretty] [--] <COMMAND>...

            Check a command against execpolicy rules files and print the matching rules as JSON.

            Options:
              -r, --rules <PATH>            Rules file to evaluate (repeatable; evaluated in order)
                  --resolve-host-executables Let absolute program paths fall back to basename rules
                  --pretty                  Pretty-print the JSON output
              -h, --help                    Print help
            """;

    private ExecPolicyCheckCommand() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code codex execpolicy check}
     * @param out  receives the JSON line (or the help text)
     * @param err  receives usage and load errors
     * @return {@link #EXIT_OK}, {@link #EXIT_ERROR} or {@link #EXIT_USAGE}
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> rules = new ArrayList<>();
        List<String> command = new ArrayList<>();
        boolean pretty = false;
        HostExecutableResolution resolution = HostExecutableResolution.EXACT_ONLY;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!command.isEmpty()) {
                command.add(arg);
            } else if (arg.equals("--")) {
                command.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE);
                return EXIT_OK;
            } else if (arg.equals("--pretty")) {
                pretty = true;
            } else if (arg.equals("--resolve-host-executables")) {
                resolution = HostExecutableResolution.RESOLVE_BASENAME;
            } else if (arg.equals("--rules") || arg.equals("-r")) {
                if (i + 1 >= args.size()) {
                    return usage(err, "a value is required for '--rules <PATH>' but none was supplied");
                }
                rules.add(Path.of(args.get(++i)));
            } else if (arg.startsWith("--rules=")) {
                rules.add(Path.of(arg.substring("--rules=".length())));
            } else if (arg.startsWith("-r") && arg.length() > 2) {
                rules.add(Path.of(arg.substring(2)));
            } else if (arg.startsWith("-")) {
                return usage(err, "unexpected argument '" + arg + "' found");
            } else {
                command.add(arg);
            }
        }
        if (rules.isEmpty()) {
            return usage(err, "the following required arguments were not provided:\n  --rules <PATH>");
        }
        if (command.isEmpty()) {
            return usage(err, "the following required arguments were not provided:\n  <COMMAND>...");
        }
        Policy policy;
        try {
            policy = PolicyLoader.load(rules);
        } catch (RulesFileException e) {
            err.print(loadError(e));
            return EXIT_ERROR;
        }
        out.println(CheckJson.render(policy.matches(command, resolution), pretty));
        return EXIT_OK;
    }

    /**
     * A load failure the way the reference's {@code main} prints its error chain: {@code Error: failed to read
     * policy at <path>} / {@code Error: failed to parse policy at <path>}, a blank line, {@code Caused by:} and
     * the cause indented by four spaces (the OS error text for reads; for rules errors the first line of the
     * reference's diagnostic, {@code error: <detail>}, and its {@code  --> <file>:<line>:<column>} pointer).
     */
    static String loadError(RulesFileException e) {
        StringBuilder out = new StringBuilder("Error: ");
        if (e.getCause() instanceof IOException io) {
            out.append("failed to read policy at ").append(e.file()).append("\n\nCaused by:\n    ")
                    .append(ioErrorText(io)).append('\n');
        } else {
            out.append("failed to parse policy at ").append(e.file()).append("\n\nCaused by:\n    error: ")
                    .append(e.detail().replace("\n", "\n    ")).append('\n');
            if (e.line() > 0) {
                out.append("     --> ").append(e.file()).append(':').append(e.line()).append(':').append(e.column())
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** Rust's {@code io::Error} text for the failures reading a rules file can meet. */
    private static String ioErrorText(IOException e) {
        return switch (e) {
            case NoSuchFileException _ -> "No such file or directory (os error 2)";
            case AccessDeniedException _ -> "Permission denied (os error 13)";
            case CharacterCodingException _ -> "stream did not contain valid UTF-8";
            default -> "Is a directory".equals(e.getMessage()) ? "Is a directory (os error 21)"
                    : String.valueOf(e.getMessage());
        };
    }

    private static int usage(PrintStream err, String message) {
        err.println("error: " + message);
        err.println();
        err.println("Usage: codex execpolicy check --rules <PATH> [--] <COMMAND>...");
        err.println();
        err.println("For more information, try '--help'.");
        return EXIT_USAGE;
    }
}
