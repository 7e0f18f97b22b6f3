package dev.jcodex.exec;

import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Everything {@link ExecRunner} needs from the command line and configuration. Built by the CLI (see
 * {@link #builder}); nullable members mean "not given".
 *
 * @param prompt the positional prompt, {@code "-"} to force reading stdin, or null
 * @param images {@code -i} image files, sent before the prompt as {@code localImage} inputs
 * @param outputMode human text or JSONL ({@code --json})
 * @param outputLastMessage {@code -o FILE}, or null
 * @param outputSchema the already-read {@code --output-schema} JSON Schema, or null
 * @param color {@code --color}
 * @param skipGitRepoCheck {@code --skip-git-repo-check} (the CLI also sets it for {@code --yolo})
 * @param ephemeral {@code --ephemeral}: no rollout file; also disables the {@code thread/read} backfill
 * @param model {@code -m}, or null for the configured model
 * @param modelProvider the configured provider id (used to filter {@code resume --last}), or null
 * @param sandbox {@code -s}, or null for the configured mode
 * @param effort {@code model_reasoning_effort}, or null
 * @param reasoningSummary {@code model_reasoning_summary}, or null (header display only)
 * @param cwd the working directory ({@code -C} or the process cwd)
 * @param resume {@link ResumeTarget#NONE} unless this is {@code exec resume}
 * @param resumeAll {@code resume --all}: do not require the resumed thread's cwd to match
 * @param reasoningDisplay which reasoning the human output shows
 * @param header header values known from configuration
 * @param startupWarnings warnings to print after the human header (e.g. a missing bubblewrap); not in JSONL
 * @param terminals whether stdout / stderr are terminals
 * @param version the version shown in the header ({@code 0.1.0})
 */
public record ExecOptions(
        String prompt,
        List<Path> images,
        OutputMode outputMode,
        Path outputLastMessage,
        JsonNode outputSchema,
        ColorMode color,
        boolean skipGitRepoCheck,
        boolean ephemeral,
        String model,
        String modelProvider,
        SandboxMode sandbox,
        ReasoningEffort effort,
        ReasoningSummary reasoningSummary,
        Path cwd,
        ResumeTarget resume,
        boolean resumeAll,
        ReasoningDisplay reasoningDisplay,
        HeaderInfo header,
        List<String> startupWarnings,
        Terminals terminals,
        String version) {

    public ExecOptions {
        images = images == null ? List.of() : List.copyOf(images);
        Objects.requireNonNull(outputMode, "outputMode");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(cwd, "cwd");
        resume = resume == null ? ResumeTarget.NONE : resume;
        reasoningDisplay = reasoningDisplay == null ? ReasoningDisplay.SUMMARY : reasoningDisplay;
        header = header == null ? HeaderInfo.DERIVED : header;
        startupWarnings = startupWarnings == null ? List.of() : List.copyOf(startupWarnings);
        terminals = terminals == null ? Terminals.NONE : terminals;
        Objects.requireNonNull(version, "version");
    }

    /** A builder for options in {@code cwd}: human output, colour auto, version {@code 0.1.0}. */
    public static Builder builder(Path cwd) {
        return new Builder(cwd);
    }

    /** Fluent construction of {@link ExecOptions}. */
    public static final class Builder {
        private String prompt;
        private List<Path> images = List.of();
        private OutputMode outputMode = OutputMode.HUMAN;
        private Path outputLastMessage;
        private JsonNode outputSchema;
        private ColorMode color = ColorMode.AUTO;
        private boolean skipGitRepoCheck;
        private boolean ephemeral;
        private String model;
        private String modelProvider;
        private SandboxMode sandbox;
        private ReasoningEffort effort;
        private ReasoningSummary reasoningSummary;
        private final Path cwd;
        private ResumeTarget resume = ResumeTarget.NONE;
        private boolean resumeAll;
        private ReasoningDisplay reasoningDisplay = ReasoningDisplay.SUMMARY;
        private HeaderInfo header = HeaderInfo.DERIVED;
        private List<String> startupWarnings = List.of();
        private Terminals terminals = Terminals.NONE;
        private String version = "0.1.0";

        private Builder(Path cwd) {
            this.cwd = cwd;
        }

        public Builder prompt(String value) {
            prompt = value;
            return this;
        }

        public Builder images(List<Path> value) {
            images = value;
            return this;
        }

        public Builder outputMode(OutputMode value) {
            outputMode = value;
            return this;
        }

        public Builder outputLastMessage(Path value) {
            outputLastMessage = value;
            return this;
        }

        public Builder outputSchema(JsonNode value) {
            outputSchema = value;
            return this;
        }

        public Builder color(ColorMode value) {
            color = value;
            return this;
        }

        public Builder skipGitRepoCheck(boolean value) {
            skipGitRepoCheck = value;
            return this;
        }

        public Builder ephemeral(boolean value) {
            ephemeral = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder modelProvider(String value) {
            modelProvider = value;
            return this;
        }

        public Builder sandbox(SandboxMode value) {
            sandbox = value;
            return this;
        }

        public Builder effort(ReasoningEffort value) {
            effort = value;
            return this;
        }

        public Builder reasoningSummary(ReasoningSummary value) {
            reasoningSummary = value;
            return this;
        }

        public Builder resume(ResumeTarget value) {
            resume = value;
            return this;
        }

        public Builder resumeAll(boolean value) {
            resumeAll = value;
            return this;
        }

        public Builder reasoningDisplay(ReasoningDisplay value) {
            reasoningDisplay = value;
            return this;
        }

        public Builder header(HeaderInfo value) {
            header = value;
            return this;
        }

        public Builder startupWarnings(List<String> value) {
            startupWarnings = value;
            return this;
        }

        public Builder terminals(Terminals value) {
            terminals = value;
            return this;
        }

        public Builder version(String value) {
            version = value;
            return this;
        }

        public ExecOptions build() {
            return new ExecOptions(prompt, images, outputMode, outputLastMessage, outputSchema, color,
                    skipGitRepoCheck, ephemeral, model, modelProvider, sandbox, effort, reasoningSummary, cwd, resume,
                    resumeAll, reasoningDisplay, header, startupWarnings, terminals, version);
        }
    }
}
