package dev.jcodex.process;

import dev.jcodex.common.Truncation;
import dev.jcodex.common.Truncation.TruncationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code exec_command} or {@code write_stdin} call returns.
 *
 * @param chunkId         6 random lowercase hex digits
 * @param wallTime        time spent collecting output in this call
 * @param state           exited with a code, or still running under a session id
 * @param output          everything the process printed since the previous call, untruncated
 * @param maxOutputTokens token budget for {@link #truncatedOutput()}
 * @param warning         a note for the model (too many open sessions), if any
 */
public record UnifiedExecResult(String chunkId, Duration wallTime, State state, String output, int maxOutputTokens,
        Optional<String> warning) {

    /** Whether the process is still there. */
    public sealed interface State permits Exited, Running {}

    /** The process exited with {@code exitCode} (shell-style: 128 + n for signal n). */
    public record Exited(int exitCode) implements State {}

    /** The process is still running; continue with {@code write_stdin(sessionId)}. */
    public record Running(int sessionId) implements State {}

    /** Validates the components. */
    public UnifiedExecResult {
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(warning, "warning");
    }

    /** Estimated tokens of the untruncated output ({@code ceil(bytes / 4)}). */
    public long originalTokenCount() {
        return Truncation.approxTokenCount(output);
    }

    /** The output middle-truncated to {@link #maxOutputTokens()} (with the {@code Total output lines} prefix). */
    public String truncatedOutput() {
        return Truncation.formattedTruncate(output, TruncationPolicy.tokens(Math.max(0, maxOutputTokens)));
    }

    /**
     * The text returned to the model, as the reference formats it:
     *
     * <pre>
     * Chunk ID: 3f9a0c
     * Wall time: 1.2034 seconds
     * Process exited with code 0            (or: Process running with session ID 4821)
     * Original token count: 12
     * Output:
     * &lt;output&gt;
     * </pre>
     *
     * <p>The reference prints {@code Original token count} on every call (its captured runs show {@code Original
     * token count: 1} for {@code hi\n}), not only when truncating.
     */
    public String render() {
        String status = switch (state) {
            case Exited exited -> "Process exited with code " + exited.exitCode();
            case Running running -> "Process running with session ID " + running.sessionId();
        };
        return String.join("\n",
                "Chunk ID: " + chunkId,
                "Wall time: " + seconds(wallTime) + " seconds",
                status,
                "Original token count: " + originalTokenCount(),
                "Output:",
                truncatedOutput());
    }

    /**
     * Seconds with 4 decimals as Rust prints {@code format!("{:.4}", d.as_secs_f64())}: the same double, then the
     * exact binary value rounded half to even.
     */
    static String seconds(Duration duration) {
        double seconds = duration.getSeconds() + duration.getNano() / 1e9;
        return new BigDecimal(seconds).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
