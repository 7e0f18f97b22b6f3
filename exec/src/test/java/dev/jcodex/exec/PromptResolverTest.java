package dev.jcodex.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PromptResolverTest {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private PromptResolver piped(byte[] stdin) {
        return new PromptResolver(new ByteArrayInputStream(stdin), StdinKind.PIPED, err);
    }

    private PromptResolver piped(String stdin) {
        return piped(stdin.getBytes(StandardCharsets.UTF_8));
    }

    private PromptResolver terminal() {
        return new PromptResolver(new FailingStream(), StdinKind.TERMINAL, err);
    }

    private String stderr() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGivenPromptGetsPipedStdinAppendedAsAStdinBlock() {
        assertThat(piped("line one\nline two").resolveRoot("Summarize"))
                .isEqualTo("Summarize\n\n<stdin>\nline one\nline two\n</stdin>");
        assertThat(stderr()).isEqualTo("Reading additional input from stdin...\n");
    }

    @Test
    void noExtraNewlineWhenStdinEndsWithOne() {
        assertThat(piped("data\n").resolveRoot("P")).isEqualTo("P\n\n<stdin>\ndata\n</stdin>");
    }

    @Test
    void emptyOrBlankPipedStdinIsIgnoredForAGivenPrompt() {
        assertThat(piped("").resolveRoot("Say hello.")).isEqualTo("Say hello.");
        assertThat(piped(" \n\t").resolveRoot("Say hello.")).isEqualTo("Say hello.");
        assertThat(stderr()).isEqualTo("Reading additional input from stdin...\nReading additional input from stdin...\n");
    }

    @Test
    void aTerminalStdinIsNotReadForAGivenPrompt() {
        assertThat(terminal().resolveRoot("Say hello.")).isEqualTo("Say hello.");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void withoutAPromptPipedStdinIsThePrompt() {
        assertThat(piped("from stdin\n").resolveRoot(null)).isEqualTo("from stdin\n");
        assertThat(stderr()).isEqualTo("Reading prompt from stdin...\n");
    }

    @Test
    void withoutAPromptATerminalIsAnError() {
        assertThatThrownBy(() -> terminal().resolveRoot(null)).isInstanceOf(PromptException.class)
                .hasMessage("No prompt provided. Either specify one as an argument or pipe the prompt into stdin.");
    }

    @Test
    void dashForcesReadingStdinEvenFromATerminalWithoutANotice() {
        PromptResolver r = new PromptResolver(new ByteArrayInputStream("typed".getBytes(StandardCharsets.UTF_8)),
                StdinKind.TERMINAL, err);
        assertThat(r.resolveRoot("-")).isEqualTo("typed");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void blankStdinWhenRequiredIsAnError() {
        assertThatThrownBy(() -> piped("  \n").resolveRoot(null)).isInstanceOf(PromptException.class)
                .hasMessage("No prompt provided via stdin.");
        assertThatThrownBy(() -> piped("").resolveRoot("-")).isInstanceOf(PromptException.class)
                .hasMessage("No prompt provided via stdin.");
    }

    @Test
    void resumeAndReviewPromptsNeverAppendStdin() {
        assertThat(piped("ignored").resolve("Continue")).isEqualTo("Continue");
        assertThat(stderr()).isEmpty();
        assertThat(piped("from pipe").resolve(null)).isEqualTo("from pipe");
        assertThat(piped("dash").resolve("-")).isEqualTo("dash");
    }

    @Test
    void aUtf8BomIsStripped() {
        assertThat(piped(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'}).resolveRoot(null)).isEqualTo("hi");
    }

    @Test
    void utf16WithABomIsDecoded() {
        byte[] le = {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0, (byte) 0xAC, 0x20};
        byte[] be = {(byte) 0xFE, (byte) 0xFF, 0, 'h', 0, 'i'};
        assertThat(piped(le).resolveRoot(null)).isEqualTo("hi€");
        assertThat(piped(be).resolveRoot(null)).isEqualTo("hi");
    }

    @Test
    void brokenUtf16IsRejected() {
        assertThatThrownBy(() -> piped(new byte[] {(byte) 0xFF, (byte) 0xFE, 'h'}).resolveRoot(null))
                .hasMessage("Failed to read prompt from stdin: input looked like UTF-16LE but could not be decoded. "
                        + "Convert it to UTF-8 and retry.");
        assertThatThrownBy(() -> piped(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDC, 0x00}).resolveRoot(null))
                .hasMessage("Failed to read prompt from stdin: input looked like UTF-16BE but could not be decoded. "
                        + "Convert it to UTF-8 and retry.");
    }

    @Test
    void utf32BomsAreRejected() {
        assertThatThrownBy(() -> piped(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'h', 0, 0, 0}).resolveRoot(null))
                .isInstanceOf(PromptException.class)
                .hasMessage("Failed to read prompt from stdin: input appears to be UTF-32LE. Convert it to UTF-8 and retry.");
        assertThatThrownBy(() -> piped(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 'h'}).resolveRoot(null))
                .hasMessage("Failed to read prompt from stdin: input appears to be UTF-32BE. Convert it to UTF-8 and retry.");
    }

    @Test
    void invalidUtf8ReportsTheOffsetOfTheFirstBadByte() {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xC3, 0x28, 'd'};
        assertThatThrownBy(() -> piped(bytes).resolveRoot(null)).isInstanceOf(PromptException.class)
                .hasMessage("Failed to read prompt from stdin: input is not valid UTF-8 (invalid byte at offset 3). "
                        + "Convert it to UTF-8 and retry (e.g., `iconv -f <ENC> -t UTF-8 prompt.txt`).");
    }

    @Test
    void theUtf8OffsetCountsFromAfterTheBom() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', (byte) 0xFF};
        assertThatThrownBy(() -> piped(bytes).resolveRoot("p")).hasMessageContaining("invalid byte at offset 1)");
    }

    @Test
    void readFailuresArePrefixed() {
        PromptResolver r = new PromptResolver(new FailingStream(), StdinKind.PIPED, err);
        assertThatThrownBy(() -> r.resolveRoot(null)).isInstanceOf(PromptException.class)
                .hasMessage("Failed to read prompt from stdin: stdin broke");
    }

    /** A stdin that must not be read (terminal) or fails when read. */
    private static final class FailingStream extends InputStream {
        @Override
        public int read() throws IOException {
            throw new IOException("stdin broke");
        }
    }
}
