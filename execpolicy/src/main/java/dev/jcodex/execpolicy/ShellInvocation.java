package dev.jcodex.execpolicy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A command that only hands a script to a POSIX-style shell: {@code bash -lc "<script>"}, {@code bash -c},
 * {@code zsh -lc}, {@code sh -c} (the shell may be given by path, e.g. {@code /bin/bash}).
 *
 * @param shell  the shell exactly as written in argv[0]
 * @param kind   which shell that is
 * @param flag   {@code -c} or {@code -lc}
 * @param script the script argument
 */
public record ShellInvocation(String shell, Kind kind, String flag, String script) {

    /** The shells whose {@code -c} scripts we read as bash. */
    public enum Kind { BASH, ZSH, SH }

    /**
     * Recognises {@code [shell, -c|-lc, script]} where the shell's file name is {@code bash}, {@code zsh} or
     * {@code sh}. Any other shape (extra arguments, other flags, other programs) is not a shell invocation.
     */
    public static Optional<ShellInvocation> unwrap(List<String> argv) {
        if (argv.size() != 3) {
            return Optional.empty();
        }
        String flag = argv.get(1);
        if (!flag.equals("-c") && !flag.equals("-lc")) {
            return Optional.empty();
        }
        return kindOf(argv.getFirst()).map(kind -> new ShellInvocation(argv.get(0), kind, flag, argv.get(2)));
    }

    /** The plain commands of {@link #script()}, see {@link BashCommandParser#parsePlainCommands}. */
    public Optional<List<List<String>>> plainCommands() {
        return BashCommandParser.parsePlainCommands(script);
    }

    static Optional<Kind> kindOf(String program) {
        String name = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".exe")) {
            name = name.substring(0, name.length() - 4);
        }
        return switch (name) {
            case "bash" -> Optional.of(Kind.BASH);
            case "zsh" -> Optional.of(Kind.ZSH);
            case "sh" -> Optional.of(Kind.SH);
            default -> Optional.empty();
        };
    }
}
