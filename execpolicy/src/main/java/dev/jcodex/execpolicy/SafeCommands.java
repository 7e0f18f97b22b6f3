package dev.jcodex.execpolicy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The known-safe list: read-only commands that run without asking even under {@code untrusted}.
 *
 * <p>Unconditionally safe: {@code cat cd cut echo expr false grep head id ls nl paste pwd rev seq stat tail tr
 * true uname uniq wc which whoami}, plus {@code numfmt} and {@code tac} on Linux. Conditionally safe:
 * {@code base64} without an output option; {@code find} without options that execute, delete or write files;
 * {@code rg} without options that run other programs or decompressors; {@code git status|log|diff|show}
 * and read-only {@code git branch} without configuration-changing global options or output-writing flags;
 * {@code sed -n N[,M]p [file]}. A {@code bash|zsh|sh -c|-lc} script is safe when it is a plain command
 * sequence (see {@link BashCommandParser}) and every command in it is safe.
 */
public final class SafeCommands {

    private static final Set<String> ALWAYS_SAFE = Set.of(
            "cat", "cd", "cut", "echo", "expr", "false", "grep", "head", "id", "ls", "nl", "paste", "pwd", "rev",
            "seq", "stat", "tail", "tr", "true", "uname", "uniq", "wc", "which", "whoami");

    private static final Set<String> LINUX_ONLY_SAFE = Set.of("numfmt", "tac");

    private static final Set<String> UNSAFE_FIND_OPTIONS = Set.of(
            "-exec", "-execdir", "-ok", "-okdir", "-delete", "-fls", "-fprint", "-fprint0", "-fprintf");

    private static final Set<String> UNSAFE_RG_FLAGS = Set.of("--search-zip", "-z");
    private static final List<String> UNSAFE_RG_OPTIONS_WITH_VALUE = List.of("--pre", "--hostname-bin");

    private static final Set<String> GIT_SAFE_SUBCOMMANDS = Set.of("status", "log", "diff", "show", "branch");

    /** Global options that take their value as the next argument. */
    private static final Set<String> GIT_GLOBAL_OPTIONS_WITH_VALUE = Set.of(
            "-C", "-c", "--config-env", "--exec-path", "--git-dir", "--namespace", "--super-prefix", "--work-tree");

    /** Global options that may run other programs, read other repositories or change configuration. */
    private static final Set<String> UNSAFE_GIT_GLOBAL_EXACT = Set.of(
            "-C", "-c", "-p", "--config-env", "--exec-path", "--git-dir", "--namespace", "--paginate",
            "--super-prefix", "--work-tree");
    private static final List<String> UNSAFE_GIT_GLOBAL_PREFIXES = List.of(
            "--config-env=", "--exec-path=", "--git-dir=", "--namespace=", "--super-prefix=", "--work-tree=");

    private static final Set<String> UNSAFE_GIT_SUBCOMMAND_EXACT = Set.of("--output", "--ext-diff", "--textconv", "--exec");
    private static final List<String> UNSAFE_GIT_SUBCOMMAND_PREFIXES = List.of("--output=", "--exec=");

    private static final Set<String> GIT_BRANCH_LISTING_FLAGS = Set.of(
            "--list", "-l", "--show-current", "-a", "--all", "-r", "--remotes", "-v", "-vv", "--verbose");

    private static final Pattern SED_PRINT_RANGE = Pattern.compile("[0-9]+(,[0-9]+)?p");

    private SafeCommands() {}

    /** Whether {@code argv} is known to be safe on this machine's platform. */
    public static boolean isKnownSafe(List<String> argv) {
        return isKnownSafe(argv, Platform.current());
    }

    static boolean isKnownSafe(List<String> argv, Platform platform) {
        if (isSafeToExec(argv, platform)) {
            return true;
        }
        return ShellInvocation.unwrap(argv)
                .flatMap(ShellInvocation::plainCommands)
                .map(commands -> commands.stream().allMatch(command -> isSafeToExec(command, platform)))
                .orElse(false);
    }

    /** The safe list applied to one simple command (no shell unwrapping). */
    static boolean isSafeToExec(List<String> command, Platform platform) {
        if (command.isEmpty()) {
            return false;
        }
        Optional<String> name = CommandNames.lookupKey(command.getFirst());
        if (name.isEmpty()) {
            return false;
        }
        List<String> args = command.subList(1, command.size());
        String program = name.get();
        if (ALWAYS_SAFE.contains(program)) {
            return true;
        }
        if (LINUX_ONLY_SAFE.contains(program)) {
            return platform == Platform.LINUX;
        }
        return switch (program) {
            case "base64" -> args.stream().noneMatch(SafeCommands::isBase64OutputOption);
            case "find" -> args.stream().noneMatch(UNSAFE_FIND_OPTIONS::contains);
            case "rg" -> args.stream().noneMatch(SafeCommands::isUnsafeRipgrepOption);
            case "git" -> isSafeGit(command);
            case "sed" -> command.size() <= 4 && args.size() >= 2 && args.get(0).equals("-n")
                    && SED_PRINT_RANGE.matcher(args.get(1)).matches();
            default -> false;
        };
    }

    private static boolean isBase64OutputOption(String arg) {
        return arg.equals("-o") || arg.equals("--output") || arg.startsWith("--output=") || arg.startsWith("-o");
    }

    private static boolean isUnsafeRipgrepOption(String arg) {
        return UNSAFE_RG_FLAGS.contains(arg)
                || UNSAFE_RG_OPTIONS_WITH_VALUE.stream().anyMatch(opt -> arg.equals(opt) || arg.startsWith(opt + "="));
    }

    private static boolean isSafeGit(List<String> command) {
        int index = gitSubcommandIndex(command);
        if (index < 0) {
            return false;
        }
        List<String> globalArgs = command.subList(1, index);
        List<String> subcommandArgs = command.subList(index + 1, command.size());
        if (globalArgs.stream().anyMatch(SafeCommands::isUnsafeGitGlobalOption)) {
            return false;
        }
        if (subcommandArgs.stream().anyMatch(SafeCommands::isUnsafeGitSubcommandOption)) {
            return false;
        }
        return !command.get(index).equals("branch") || isReadOnlyGitBranch(subcommandArgs);
    }

    /**
     * Index of git's subcommand when it is one of the read-only candidates: the first argument that is not
     * a global option (or a global option's value). Later positional arguments never count.
     */
    static int gitSubcommandIndex(List<String> command) {
        boolean skipNext = false;
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (skipNext) {
                skipNext = false;
                continue;
            }
            if (isGitGlobalOptionWithInlineValue(arg)) {
                continue;
            }
            if (GIT_GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                skipNext = true;
                continue;
            }
            if (arg.startsWith("-")) {
                continue;
            }
            return GIT_SAFE_SUBCOMMANDS.contains(arg) ? i : -1;
        }
        return -1;
    }

    private static boolean isGitGlobalOptionWithInlineValue(String arg) {
        return UNSAFE_GIT_GLOBAL_PREFIXES.stream().anyMatch(arg::startsWith)
                || ((arg.startsWith("-C") || arg.startsWith("-c")) && arg.length() > 2);
    }

    private static boolean isUnsafeGitGlobalOption(String arg) {
        return UNSAFE_GIT_GLOBAL_EXACT.contains(arg) || isGitGlobalOptionWithInlineValue(arg);
    }

    private static boolean isUnsafeGitSubcommandOption(String arg) {
        return UNSAFE_GIT_SUBCOMMAND_EXACT.contains(arg) || UNSAFE_GIT_SUBCOMMAND_PREFIXES.stream().anyMatch(arg::startsWith);
    }

    /** {@code git branch} only lists when every argument is a listing flag (or there are none). */
    private static boolean isReadOnlyGitBranch(List<String> args) {
        return args.stream().allMatch(arg -> GIT_BRANCH_LISTING_FLAGS.contains(arg) || arg.startsWith("--format="));
    }
}
