package dev.jcodex.core.exec;

import dev.jcodex.common.Truncation;
import dev.jcodex.common.Truncation.TruncationPolicy;
import dev.jcodex.process.ExecOutput;
import dev.jcodex.protocol.ProtocolJson;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the model reads after a one-shot command (spec §4.4): the JSON object of {@code shell} / {@code local_shell}
 * and the text block of {@code shell_command}. Both start from {@link ExecOutput#contentForModel()} (with the
 * timeout notice) and middle-truncate it to the token budget (§4.5).
 */
public final class ShellOutputFormat {

    /** Token budget used when the turn reports none. */
    public static final int DEFAULT_TOKEN_BUDGET = 10_000;

    private ShellOutputFormat() {}

    /**
     * {@code {"output":"…","metadata":{"exit_code":0,"duration_seconds":0.5}}}; the output is truncated with the
     * {@code Total output lines: N} prefix when it does not fit; the duration is rounded to 0.1 s.
     */
    public static String json(ExecOutput output, int tokenBudget) {
        ObjectNode root = ProtocolJson.mapper().createObjectNode();
        root.put("output", Truncation.formattedTruncate(output.contentForModel(), policy(tokenBudget)));
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("exit_code", output.exitCode());
        metadata.put("duration_seconds", roundedSeconds(output.duration()));
        return ProtocolJson.mapper().writeValueAsString(root);
    }

    /**
     * The {@code shell_command} text:
     * <pre>
     * Exit code: 0
     * Wall time: 0.5 seconds
     * Total output lines: 812      (only when truncation changed the number of lines)
     * Output:
     * &lt;output&gt;
     * </pre>
     */
    public static String text(ExecOutput output, int tokenBudget) {
        String content = output.contentForModel();
        String truncated = Truncation.truncate(content, policy(tokenBudget));
        StringBuilder text = new StringBuilder()
                .append("Exit code: ").append(output.exitCode()).append('\n')
                .append("Wall time: ").append(displaySeconds(output.duration())).append(" seconds\n");
        int totalLines = Truncation.lineCount(content);
        if (totalLines != Truncation.lineCount(truncated)) {
            text.append("Total output lines: ").append(totalLines).append('\n');
        }
        return text.append("Output:\n").append(truncated).toString();
    }

    /** The duration in seconds as a float rounded to one decimal, as the reference computes it. */
    static float roundedSeconds(Duration duration) {
        float seconds = duration.getSeconds() + duration.getNano() / 1e9f;
        return Math.round(seconds * 10f) / 10f;
    }

    /** Rust's {@code Display} of the rounded float: {@code 0.5}, but {@code 1} and {@code 0} for whole numbers. */
    static String displaySeconds(Duration duration) {
        String s = Float.toString(roundedSeconds(duration));
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static TruncationPolicy policy(int tokenBudget) {
        return TruncationPolicy.tokens(tokenBudget > 0 ? tokenBudget : DEFAULT_TOKEN_BUDGET);
    }
}
