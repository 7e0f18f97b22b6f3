package dev.jcodex.process;

import dev.jcodex.common.SpawnConfinement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to start one child process.
 *
 * @param argv        program and arguments; the program is looked up on the {@code PATH} of {@code env} (falling
 *                    back to this JVM's {@code PATH}) unless it contains a {@code /}
 * @param cwd         absolute working directory of the child
 * @param env         the child's complete environment (nothing is inherited implicitly; build it with
 *                    {@link ExecEnvironment})
 * @param timeout     wall-clock limit after which the whole process tree is killed and the exit code becomes 124;
 *                    {@code null} means no limit
 * @param caps        how much output is retained per stream
 * @param stdin       what the child reads on standard input (ignored for {@link Terminal#PTY})
 * @param terminal    pipes or a pseudo-terminal
 * @param confinement restrictions applied to a fresh platform thread that performs the spawn; {@link
 *                    SpawnConfinement#NONE} spawns on the calling thread
 */
public record ExecRequest(
        List<String> argv,
        Path cwd,
        Map<String, String> env,
        Duration timeout,
        OutputCaps caps,
        Stdin stdin,
        Terminal terminal,
        SpawnConfinement confinement) {

    /** Standard input of a piped child. */
    public enum Stdin {
        /** {@code /dev/null}, as the reference does for shell tools. */
        NULL,
        /** A pipe written through {@link RunningProcess#write(byte[])}. */
        PIPE
    }

    /** How the child's standard streams are connected. */
    public enum Terminal {
        /** Separate stdout and stderr pipes. */
        PIPES,
        /** One pseudo-terminal (80×24) for stdin, stdout and stderr; the child leads its own session. */
        PTY
    }

    /** Validates and copies the components. */
    public ExecRequest {
        argv = List.copyOf(argv);
        if (argv.isEmpty() || argv.getFirst().isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        Objects.requireNonNull(cwd, "cwd");
        if (!cwd.isAbsolute()) {
            throw new IllegalArgumentException("cwd must be absolute: " + cwd);
        }
        env = Map.copyOf(env);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(confinement, "confinement");
    }

    /**
     * A piped request with no timeout, {@link OutputCaps#ONE_SHOT} caps, {@code /dev/null} stdin and no confinement.
     */
    public static ExecRequest of(List<String> argv, Path cwd, Map<String, String> env) {
        return new ExecRequest(argv, cwd, env, null, OutputCaps.ONE_SHOT, Stdin.NULL, Terminal.PIPES,
                SpawnConfinement.NONE);
    }

    /** This request with a timeout ({@code null} for none). */
    public ExecRequest withTimeout(Duration newTimeout) {
        return new ExecRequest(argv, cwd, env, newTimeout, caps, stdin, terminal, confinement);
    }

    /** This request with other output caps. */
    public ExecRequest withCaps(OutputCaps newCaps) {
        return new ExecRequest(argv, cwd, env, timeout, newCaps, stdin, terminal, confinement);
    }

    /** This request with another stdin mode. */
    public ExecRequest withStdin(Stdin newStdin) {
        return new ExecRequest(argv, cwd, env, timeout, caps, newStdin, terminal, confinement);
    }

    /** This request with another terminal mode. */
    public ExecRequest withTerminal(Terminal newTerminal) {
        return new ExecRequest(argv, cwd, env, timeout, caps, stdin, newTerminal, confinement);
    }

    /** This request with another environment. */
    public ExecRequest withEnv(Map<String, String> newEnv) {
        return new ExecRequest(argv, cwd, newEnv, timeout, caps, stdin, terminal, confinement);
    }

    /** This request spawned under {@code newConfinement}. */
    public ExecRequest withConfinement(SpawnConfinement newConfinement) {
        return new ExecRequest(argv, cwd, env, timeout, caps, stdin, terminal, newConfinement);
    }
}
