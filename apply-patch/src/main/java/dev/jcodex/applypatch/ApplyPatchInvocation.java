package dev.jcodex.applypatch;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code apply_patch} call typed through a shell tool, so the core can intercept it and handle it like the
 * apply_patch tool (same verification, approval and events) instead of running it.
 *
 * <p>Recognised command lines:
 * <ul>
 *   <li>argv {@code ["apply_patch", PATCH]} or {@code ["applypatch", PATCH]};</li>
 *   <li>a shell running a script ({@code bash|zsh|sh -c|-lc SCRIPT}, {@code pwsh|powershell [-NoProfile]
 *       -Command SCRIPT}, {@code cmd /c SCRIPT}) whose script is {@code [cd DIR &&] apply_patch <<'EOF'}, the
 *       patch, and {@code EOF} (any delimiter, quoted or not), or {@code apply_patch 'PATCH'}.</li>
 * </ul>
 * Only the shape is checked: the patch text is returned as it is and may still fail to parse.
 *
 * @param patchText the patch text
 * @param workdir   the {@code cd} argument as written, when the script changed directory first
 */
public record ApplyPatchInvocation(String patchText, Optional<String> workdir) {

    /** What the model is told when it passes a bare patch as a command. */
    public static final String IMPLICIT_INVOCATION_MESSAGE =
            "patch detected without explicit call to apply_patch. Rerun as [\"apply_patch\", \"<patch>\"]";

    private static final Set<String> COMMANDS = Set.of("apply_patch", "applypatch");
    private static final Set<String> POSIX_SHELLS = Set.of("bash", "zsh", "sh");
    private static final Set<String> POSIX_FLAGS = Set.of("-c", "-lc");
    private static final Set<String> POWERSHELLS = Set.of("pwsh", "powershell");
    private static final Set<String> POWERSHELL_SKIPPABLE = Set.of("-noprofile", "-nologo", "-noninteractive");

    /** Rejects nulls. */
    public ApplyPatchInvocation {
        Objects.requireNonNull(patchText, "patchText");
        Objects.requireNonNull(workdir, "workdir");
    }

    /** Recognises an argv ({@code ["apply_patch", patch]} or a shell running a heredoc script). */
    public static Optional<ApplyPatchInvocation> fromArgv(List<String> argv) {
        Objects.requireNonNull(argv, "argv");
        if (argv.size() == 2 && COMMANDS.contains(commandName(argv.get(0)))) {
            return Optional.of(new ApplyPatchInvocation(argv.get(1), Optional.empty()));
        }
        return shellScript(argv).flatMap(ApplyPatchInvocation::fromShellScript);
    }

    /** Recognises a shell script {@code [cd DIR &&] apply_patch <<'EOF' ... EOF}. */
    public static Optional<ApplyPatchInvocation> fromShellScript(String script) {
        Objects.requireNonNull(script, "script");
        return ShellScriptParser.parse(script)
                .map(parsed -> new ApplyPatchInvocation(parsed.patchText(), parsed.cdDirectory()));
    }

    /**
     * Whether the argv is a bare patch without a call to apply_patch: a single argument, or a shell script, that
     * is itself a valid patch. The core answers such a call with {@link #IMPLICIT_INVOCATION_MESSAGE}.
     */
    public static boolean isImplicitPatch(List<String> argv) {
        Objects.requireNonNull(argv, "argv");
        if (argv.size() == 1) {
            return parses(argv.getFirst());
        }
        return shellScript(argv).map(ApplyPatchInvocation::parses).orElse(false);
    }

    /**
     * The directory relative patch paths resolve against: {@code cwd}, or the {@code cd} directory resolved
     * against {@code cwd}.
     *
     * @throws ApplyPatchException when the {@code cd} argument is not a valid path
     */
    public Path effectiveWorkdir(Path cwd) {
        Objects.requireNonNull(cwd, "cwd");
        if (workdir.isEmpty()) {
            return cwd;
        }
        try {
            return cwd.resolve(workdir.get()).normalize();
        } catch (InvalidPathException e) {
            throw new ApplyPatchException("Invalid directory '" + workdir.get() + "': " + e.getReason());
        }
    }

    private static boolean parses(String text) {
        try {
            PatchParser.parse(text);
            return true;
        } catch (PatchParseException e) {
            return false;
        }
    }

    /** The script of {@code [shell, flag, script]} or {@code [shell, skippable-flag, flag, script]}. */
    private static Optional<String> shellScript(List<String> argv) {
        if (argv.size() == 3 && isScriptFlag(argv.get(0), argv.get(1))) {
            return Optional.of(argv.get(2));
        }
        if (argv.size() == 4 && isSkippableFlag(argv.get(0), argv.get(1)) && isScriptFlag(argv.get(0), argv.get(2))) {
            return Optional.of(argv.get(3));
        }
        return Optional.empty();
    }

    private static boolean isScriptFlag(String shell, String flag) {
        String name = commandName(shell);
        String lower = flag.toLowerCase(Locale.ROOT);
        return POSIX_SHELLS.contains(name) && POSIX_FLAGS.contains(flag)
                || POWERSHELLS.contains(name) && (lower.equals("-command") || lower.equals("-c"))
                || name.equals("cmd") && lower.equals("/c");
    }

    private static boolean isSkippableFlag(String shell, String flag) {
        String name = commandName(shell);
        return POWERSHELLS.contains(name) && POWERSHELL_SKIPPABLE.contains(flag.toLowerCase(Locale.ROOT))
                || POSIX_SHELLS.contains(name) && flag.equals("-l");
    }

    /** The file name of a command, without a directory or a Windows {@code .exe} suffix. */
    private static String commandName(String command) {
        int slash = Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\'));
        String name = command.substring(slash + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".exe") ? lower.substring(0, lower.length() - 4) : name;
    }
}
