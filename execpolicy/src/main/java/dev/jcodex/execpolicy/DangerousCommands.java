package dev.jcodex.execpolicy;

import java.util.List;

/**
 * Commands that may destroy data even inside the sandbox's writable roots and therefore always need a human:
 * {@code rm} with a force option ({@code -f}, {@code -rf}, {@code --force}, …), also behind {@code sudo}.
 * Shell scripts are searched for such commands everywhere a literal command name appears (pipelines,
 * control flow, command substitutions), so wrapping {@code rm -rf} in a script does not hide it.
 */
public final class DangerousCommands {

    private DangerousCommands() {}

    /** Whether {@code argv}, or any literal command inside a {@code bash|zsh|sh -c|-lc} script, is dangerous. */
    public static boolean mightBeDangerous(List<String> argv) {
        if (isDangerousExec(argv)) {
            return true;
        }
        return ShellInvocation.unwrap(argv)
                .flatMap(shell -> BashCommandParser.literalCommands(shell.script()))
                .map(commands -> commands.stream().anyMatch(DangerousCommands::isDangerousExec))
                .orElse(false);
    }

    static boolean isDangerousExec(List<String> argv) {
        if (argv.isEmpty()) {
            return false;
        }
        String name = CommandNames.lookupKey(argv.getFirst()).orElse("");
        return switch (name) {
            case "rm" -> rmArgsIncludeForce(argv.subList(1, argv.size()));
            case "sudo" -> isDangerousExec(argv.subList(1, argv.size()));
            default -> false;
        };
    }

    private static boolean rmArgsIncludeForce(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--force") || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('f') > 0)) {
                return true;
            }
        }
        return false;
    }
}
