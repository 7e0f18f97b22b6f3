package dev.jcodex.process;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Finds the file to execute for {@code argv[0]}, like {@code execvp} but on the child's {@code PATH}. */
final class ExecutableResolver {

    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private ExecutableResolver() {}

    /**
     * A program containing {@code /} is taken relative to {@code cwd}; otherwise the first executable regular file
     * named {@code program} in the {@code PATH} of {@code env} (or of this JVM, or a default) wins.
     *
     * @throws SpawnException if nothing matches
     */
    static Path resolve(String program, Path cwd, Map<String, String> env) {
        try {
            if (program.indexOf('/') >= 0) {
                Path candidate = cwd.resolve(program);
                if (!Files.exists(candidate)) {
                    throw notFound(program);
                }
                return candidate;
            }
            String path = env.get("PATH");
            if (path == null) {
                path = System.getenv("PATH");
            }
            if (path == null) {
                path = DEFAULT_PATH;
            }
            for (String dir : path.split(":", -1)) {
                Path candidate = cwd.resolve(dir.isEmpty() ? "." : dir).resolve(program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        } catch (InvalidPathException e) {
            throw new SpawnException("failed to spawn `" + program + "`: invalid path: " + e.getMessage(), e);
        }
        throw notFound(program);
    }

    private static SpawnException notFound(String program) {
        return new SpawnException("failed to spawn `" + program + "`: No such file or directory (os error 2)");
    }
}
