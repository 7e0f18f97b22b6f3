package dev.jcodex.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Works out the prompt of {@code codex exec} from the positional argument and stdin (spec §1.4), printing the
 * reference's notices ("Reading prompt from stdin...", "Reading additional input from stdin...") on stderr.
 * Failures throw {@link PromptException} with the reference's exact message; the caller prints it and exits 1.
 */
public final class PromptResolver {
    static final String NO_PROMPT = "No prompt provided. Either specify one as an argument or pipe the prompt into stdin.";
    static final String NO_PROMPT_VIA_STDIN = "No prompt provided via stdin.";
    static final String READ_FAILED = "Failed to read prompt from stdin: ";

    private final InputStream stdin;
    private final StdinKind stdinKind;
    private final PrintStream err;

    private enum Behavior { REQUIRED_IF_PIPED, FORCED, OPTIONAL_APPEND }

    /** Reads from {@code stdin} (a terminal or not) and writes notices to {@code err}. */
    public PromptResolver(InputStream stdin, StdinKind stdinKind, PrintStream err) {
        this.stdin = stdin;
        this.stdinKind = stdinKind;
        this.err = err;
    }

    /**
     * The prompt of {@code codex exec [PROMPT]}: a given prompt gets piped, non-blank stdin appended as a
     * {@code <stdin>} block; {@code -} reads stdin unconditionally; no prompt reads stdin unless it is a terminal.
     */
    public String resolveRoot(String promptArg) {
        if (promptArg != null && !promptArg.equals("-")) {
            return readStdin(Behavior.OPTIONAL_APPEND)
                    .map(extra -> withStdinContext(promptArg, extra))
                    .orElse(promptArg);
        }
        return resolve(promptArg);
    }

    /** The prompt of {@code resume} / {@code review}: like {@link #resolveRoot} but stdin is never appended. */
    public String resolve(String promptArg) {
        if (promptArg != null && !promptArg.equals("-")) {
            return promptArg;
        }
        Behavior behavior = promptArg == null ? Behavior.REQUIRED_IF_PIPED : Behavior.FORCED;
        return readStdin(behavior).orElseThrow(() -> new PromptException(NO_PROMPT_VIA_STDIN));
    }

    /** {@code "<prompt>\n\n<stdin>\n<text>[\n]</stdin>"}. */
    static String withStdinContext(String prompt, String stdinText) {
        StringBuilder sb = new StringBuilder(prompt).append("\n\n<stdin>\n").append(stdinText);
        if (!stdinText.endsWith("\n")) {
            sb.append('\n');
        }
        return sb.append("</stdin>").toString();
    }

    private Optional<String> readStdin(Behavior behavior) {
        boolean terminal = stdinKind == StdinKind.TERMINAL;
        switch (behavior) {
            case REQUIRED_IF_PIPED -> {
                if (terminal) {
                    throw new PromptException(NO_PROMPT);
                }
                err.println("Reading prompt from stdin...");
            }
            case FORCED -> { }
            case OPTIONAL_APPEND -> {
                if (terminal) {
                    return Optional.empty();
                }
                err.println("Reading additional input from stdin...");
            }
        }
        byte[] bytes;
        try {
            bytes = stdin.readAllBytes();
        } catch (IOException e) {
            throw new PromptException(READ_FAILED + e.getMessage());
        }
        String text;
        try {
            text = decode(bytes);
        } catch (DecodeException e) {
            throw new PromptException(READ_FAILED + e.getMessage());
        }
        if (text.isBlank()) {
            if (behavior == Behavior.OPTIONAL_APPEND) {
                return Optional.empty();
            }
            throw new PromptException(NO_PROMPT_VIA_STDIN);
        }
        return Optional.of(text);
    }

    /** Why stdin bytes could not be decoded; the message is the reference's. */
    static final class DecodeException extends Exception {
        DecodeException(String message) {
            super(message);
        }
    }

    /**
     * UTF-8 (BOM stripped), or UTF-16 LE/BE with a BOM; UTF-32 BOMs are refused; invalid UTF-8 reports the offset
     * of the first bad byte.
     */
    static String decode(byte[] input) throws DecodeException {
        byte[] in = startsWith(input, 0xEF, 0xBB, 0xBF) ? Arrays.copyOfRange(input, 3, input.length) : input;
        if (startsWith(in, 0xFF, 0xFE, 0x00, 0x00)) {
            throw new DecodeException("input appears to be UTF-32LE. Convert it to UTF-8 and retry.");
        }
        if (startsWith(in, 0x00, 0x00, 0xFE, 0xFF)) {
            throw new DecodeException("input appears to be UTF-32BE. Convert it to UTF-8 and retry.");
        }
        if (startsWith(in, 0xFF, 0xFE)) {
            return decodeUtf16(in, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (startsWith(in, 0xFE, 0xFF)) {
            return decodeUtf16(in, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        ByteBuffer bytes = ByteBuffer.wrap(in);
        CharBuffer chars = CharBuffer.allocate(in.length);
        CoderResult result = strict(StandardCharsets.UTF_8).decode(bytes, chars, true);
        if (result.isError()) {
            throw new DecodeException("input is not valid UTF-8 (invalid byte at offset " + bytes.position()
                    + "). Convert it to UTF-8 and retry (e.g., `iconv -f <ENC> -t UTF-8 prompt.txt`).");
        }
        return chars.flip().toString();
    }

    private static String decodeUtf16(byte[] in, Charset charset, String name) throws DecodeException {
        int length = in.length - 2;
        if (length % 2 != 0) {
            throw new DecodeException("input looked like " + name + " but could not be decoded. Convert it to UTF-8 and retry.");
        }
        try {
            return strict(charset).decode(ByteBuffer.wrap(in, 2, length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DecodeException("input looked like " + name + " but could not be decoded. Convert it to UTF-8 and retry.");
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
