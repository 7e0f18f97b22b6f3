package dev.jcodex.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The user's shell, used to run {@code exec_command} and {@code shell_command} scripts and named in the
 * {@code <environment_context>} ({@code <shell>bash</shell>}).
 *
 * <p>{@link #detect()} takes {@code $SHELL}, then the user's {@code /etc/passwd} entry, keeping the first that is an
 * executable bash, zsh or sh; otherwise {@code /bin/bash}, then {@code /bin/sh}. Paths are kept as found (no symlink
 * resolution), so commands render as {@code /bin/bash -lc '...'}.
 *
 * @param kind the shell family
 * @param path absolute path of the shell binary
 */
public record UserShell(Kind kind, Path path) {

    private static final Path PASSWD = Path.of("/etc/passwd");

    /** Shell families whose {@code -c} / {@code -lc} syntax the tools rely on. */
    public enum Kind { BASH, ZSH, SH }

    /** Validates the components. */
    public UserShell {
        Objects.requireNonNull(kind, "kind");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("shell path must be absolute: " + path);
        }
    }

    /** The shell's name as the model sees it: {@code bash}, {@code zsh} or {@code sh}. */
    public String name() {
        return switch (kind) {
            case BASH -> "bash";
            case ZSH -> "zsh";
            case SH -> "sh";
        };
    }

    /** The family of the shell at {@code path}, judged by its file name. */
    public static Optional<Kind> kindOf(Path path) {
        Path fileName = path.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        return switch (fileName.toString()) {
            case "bash" -> Optional.of(Kind.BASH);
            case "zsh" -> Optional.of(Kind.ZSH);
            case "sh", "dash" -> Optional.of(Kind.SH);
            default -> Optional.empty();
        };
    }

    /** The current user's shell on this machine. */
    public static UserShell detect() {
        return detect(System.getenv(), PASSWD, System.getProperty("user.name", ""), Files::isExecutable);
    }

    /** {@link #detect()} with its inputs explicit (for tests). */
    static UserShell detect(Map<String, String> env, Path passwd, String userName, Predicate<Path> executable) {
        Optional<String> fromEnv = Optional.ofNullable(env.get("SHELL"));
        Optional<String> fromPasswd = passwdShell(passwd, userName);
        for (Optional<String> candidate : List.of(fromEnv, fromPasswd)) {
            Optional<UserShell> shell = candidate.filter(s -> !s.isBlank())
                    .map(Path::of)
                    .filter(Path::isAbsolute)
                    .filter(executable)
                    .flatMap(path -> kindOf(path).map(kind -> new UserShell(kind, path)));
            if (shell.isPresent()) {
                return shell.get();
            }
        }
        Path bash = Path.of("/bin/bash");
        return executable.test(bash) ? new UserShell(Kind.BASH, bash) : new UserShell(Kind.SH, Path.of("/bin/sh"));
    }

    private static Optional<String> passwdShell(Path passwd, String userName) {
        if (userName.isEmpty()) {
            return Optional.empty();
        }
        try (var lines = Files.lines(passwd)) {
            return lines.map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 7 && fields[0].equals(userName))
                    .map(fields -> fields[6])
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
