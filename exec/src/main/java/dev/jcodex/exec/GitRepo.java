package dev.jcodex.exec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a directory is inside a Git work tree (a {@code .git} directory or file in it or an ancestor). */
final class GitRepo {
    static final String NOT_TRUSTED = "Not inside a trusted directory and --skip-git-repo-check was not specified.";

    private GitRepo() {}

    static boolean isInside(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }
}
