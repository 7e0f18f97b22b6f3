package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every scenario under {@code src/test/resources/fixtures} (format: see the README there). */
class FixtureTest {

    @TempDir
    Path work;

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = fixtureRoot();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path fixtureRoot() throws URISyntaxException {
        return Path.of(FixtureTest.class.getResource("/fixtures").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void scenario(String name) throws Exception {
        Path fixture = fixtureRoot().resolve(name);
        Path cwd = work.toAbsolutePath().normalize();
        Path input = fixture.resolve("input");
        if (Files.isDirectory(input)) {
            copyTree(input, cwd);
        }
        String patch = read(fixture.resolve("patch.txt"), cwd);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = StandaloneApplyPatch.run(List.of(patch), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                cwd);

        Path expectedError = fixture.resolve("expected-error.txt");
        if (Files.exists(expectedError)) {
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(read(expectedError, cwd));
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        } else {
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(exit).isZero();
        }
        Path expectedOutput = fixture.resolve("expected-output.txt");
        if (Files.exists(expectedOutput)) {
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(read(expectedOutput, cwd));
        }
        Path expected = Files.isDirectory(fixture.resolve("expected")) ? fixture.resolve("expected") : input;
        assertThat(tree(cwd)).isEqualTo(tree(expected));
    }

    private static String read(Path file, Path cwd) throws IOException {
        return Files.readString(file).replace("${CWD}", cwd.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Relative path → content (as text when it is UTF-8, so failures show a readable diff). */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, StandardCharsets.UTF_8);
                boolean utf8 = java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes);
                files.put(root.relativize(file).toString(), utf8 ? text : "bytes:" + java.util.HexFormat.of().formatHex(bytes));
            }
        }
        return files;
    }
}
