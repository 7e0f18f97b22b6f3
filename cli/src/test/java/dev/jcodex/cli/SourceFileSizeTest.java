package dev.jcodex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House rule: no main source file over 800 lines (the build fails here). */
class SourceFileSizeTest {

    private static final int HARD_LIMIT = 800;

    @Test
    void noMainSourceFileExceedsTheHardLimit() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).exists();
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/")).toList()) {
                long lines;
                try (Stream<String> l = Files.lines(f)) {
                    lines = l.count();
                }
                if (lines > HARD_LIMIT) {
                    tooLong.add(root.relativize(f) + " (" + lines + " lines)");
                }
            }
        }
        assertThat(tooLong).as("main source files over %d lines", HARD_LIMIT).isEmpty();
    }
}
