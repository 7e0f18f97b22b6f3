package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneApplyPatchTest {

    private static final String ADD = "*** Begin Patch\n*** Add File: hello.txt\n+Hello, world!\n*** End Patch\n";

    @TempDir
    Path cwd;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private record Run(int exit, String out, String err) {
    }

    private Run run(List<String> args, InputStream in) {
        int exit = StandaloneApplyPatch.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void patchFromArgument() throws IOException {
        assertThat(run(List.of(ADD), stdin("")))
                .isEqualTo(new Run(0, "Success. Updated the following files:\nA hello.txt\n", ""));
        assertThat(Files.readString(cwd.resolve("hello.txt"))).isEqualTo("Hello, world!\n");
    }

    @Test
    void patchFromStdin() throws IOException {
        Files.writeString(cwd.resolve("hello.txt"), "Hello, world!\n");
        String update = "*** Begin Patch\n*** Update File: hello.txt\n@@\n-Hello, world!\n+Hello, update!\n"
                + "*** End Patch\n";

        assertThat(run(List.of(), stdin(update)))
                .isEqualTo(new Run(0, "Success. Updated the following files:\nM hello.txt\n", ""));
        assertThat(Files.readString(cwd.resolve("hello.txt"))).isEqualTo("Hello, update!\n");
    }

    @Test
    void emptyStdinPrintsUsage() {
        assertThat(run(List.of(), stdin(""))).isEqualTo(new Run(2, "", StandaloneApplyPatch.USAGE));
    }

    @Test
    void moreThanOneArgumentIsRejected() {
        assertThat(run(List.of(ADD, "extra"), stdin("")))
                .isEqualTo(new Run(2, "", "Error: apply_patch accepts exactly one argument.\n"));
    }

    @Test
    void unreadableStdin() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("boom");
            }
        };

        assertThat(run(List.of(), broken)).isEqualTo(new Run(1, "", "Error: Failed to read PATCH from stdin.\nboom\n"));
    }

    @Test
    void parseErrorsUseTheStandaloneWording() {
        assertThat(run(List.of("not a patch"), stdin("")))
                .isEqualTo(new Run(1, "", "Invalid patch: The first line of the patch must be '*** Begin Patch'\n"));
        assertThat(run(List.of("*** Begin Patch\n*** Update File: x\n*** End Patch"), stdin("")).err())
                .endsWith("Invalid patch hunk on line 2: Update file hunk for path 'x' is empty\n");
    }

    @Test
    void applyErrorsArePrintedAsTheyAre() {
        assertThat(run(List.of("*** Begin Patch\n*** Delete File: missing.txt\n*** End Patch"), stdin("")))
                .isEqualTo(new Run(1, "", "Failed to delete file " + cwd.toAbsolutePath().normalize()
                        .resolve("missing.txt") + ": No such file or directory\n"));
    }
}
