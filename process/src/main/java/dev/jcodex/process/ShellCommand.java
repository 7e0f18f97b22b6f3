package dev.jcodex.process;

import java.util.List;

/** Turns a script into the argv that runs it in a shell: {@code <shell> -lc <script>} or {@code <shell> -c <script>}. */
public final class ShellCommand {

    /** Whether the shell starts as a login shell (reads the user's profile). */
    public enum Login { LOGIN, NON_LOGIN }

    private ShellCommand() {}

    /** argv running {@code script} in {@code shell}. */
    public static List<String> forScript(UserShell shell, String script, Login login) {
        String flag = switch (login) {
            case LOGIN -> "-lc";
            case NON_LOGIN -> "-c";
        };
        return List.of(shell.path().toString(), flag, script);
    }
}
