package dev.jcodex.cli;

import dev.jcodex.common.StartupTrace;
import dev.jcodex.config.Config;
import dev.jcodex.exec.ColorMode;
import dev.jcodex.exec.ExecOptions;
import dev.jcodex.exec.ExecRunner;
import dev.jcodex.exec.OutputMode;
import dev.jcodex.exec.ResumeTarget;
import dev.jcodex.exec.Terminals;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.SandboxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code codex exec [OPTIONS] [PROMPT]}: one headless turn through the in-process app-server (spec §1.4). */
@Command(name = "exec", aliases = "e", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionProvider.class,
        description = "Run Codex non-interactively.", subcommands = ExecResumeCommand.class, usageHelpAutoWidth = true)
final class ExecCommand implements Callable<Integer> {

    @Mixin
    SharedOptions shared;

    @Option(names = "--skip-git-repo-check", description = "Allow running outside a Git repository.")
    boolean skipGitRepoCheck;

    @Option(names = "--ephemeral", description = "Do not persist the session (no rollout file).")
    boolean ephemeral;

    @Option(names = "--ignore-user-config", description = "Do not load $CODEX_HOME/config.toml.")
    boolean ignoreUserConfig;

    @Option(names = "--ignore-rules", description = "Do not load user or project exec-policy .rules files.")
    boolean ignoreRules;

    @Option(names = "--output-schema", paramLabel = "FILE", description = "JSON Schema the final answer must follow.")
    Path outputSchema;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour on stderr: always, never, auto (default).")
    String color;

    @Option(names = {"--json", "--experimental-json"}, description = "Print JSONL events on stdout.")
    boolean json;

    @Option(names = {"-o", "--output-last-message"}, paramLabel = "FILE",
            description = "Write the final agent message to FILE.")
    Path outputLastMessage;

    @Parameters(arity = "0..1", paramLabel = "PROMPT",
            description = "Instructions for the agent; `-` (or none, with piped stdin) reads stdin.")
    String prompt;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CliIo io;

    ExecCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        return run(ResumeTarget.NONE, false, prompt);
    }

    /** Runs exec for a new thread or (from {@code exec resume}) a resumed one. */
    int run(ResumeTarget resume, boolean resumeAll, String effectivePrompt) {
        StartupTrace.mark("exec: arguments parsed");
        if (spec != null && spec.parent() != null && spec.parent().userObject() instanceof RootCommand root) {
            shared.inheritFrom(root.shared);
        }
        ColorMode colorMode = switch (color.toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> ColorMode.ALWAYS;
            case "never" -> ColorMode.NEVER;
            case "auto" -> ColorMode.AUTO;
            default -> throw new CliException("error: invalid value '" + color
                    + "' for '--color <WHEN>'\n  [possible values: always, never, auto]", 2);
        };
        JsonNode schema = outputSchema == null ? null : readSchema(outputSchema);
        ExecLaunch launch = ExecLaunch.prepare(io, shared, ignoreUserConfig, ignoreRules);
        Config config = launch.config();
        ExecOptions.Builder options = ExecOptions.builder(config.cwd())
                .prompt(effectivePrompt)
                .images(shared.images.stream().map(i -> config.cwd().resolve(i).normalize()).toList())
                .outputMode(json ? OutputMode.JSONL : OutputMode.HUMAN)
                .outputLastMessage(outputLastMessage == null ? null : io.cwd().resolve(outputLastMessage))
                .outputSchema(schema)
                .color(colorMode)
                .skipGitRepoCheck(skipGitRepoCheck || shared.yolo)
                .ephemeral(ephemeral)
                .model(shared.model)
                .modelProvider(config.modelSettings().modelProviderId())
                .sandbox(shared.sandbox == null ? null : SandboxMode.fromWire(shared.sandbox))
                .effort(config.modelSettings().reasoningEffort())
                .reasoningSummary(config.modelSettings().reasoningSummary())
                .resume(resume)
                .resumeAll(resumeAll)
                .terminals(new Terminals(TerminalProbe.isTerminal(1), TerminalProbe.isTerminal(2)))
                .version(Version.current());
        int code;
        try (ExecLaunch.Running server = launch.start()) {
            StartupTrace.mark("exec: app-server started");
            code = new ExecRunner(SigintHook.INSTANCE).run(options.build(), server.client(), io.in(),
                    TerminalProbe.isTerminal(0) && io.in() == System.in, io.out(), io.err());
            StartupTrace.mark("exec: turn done");
        }
        StartupTrace.mark("exec: app-server closed");
        return code;
    }

    private JsonNode readSchema(Path file) {
        Path path = io.cwd().resolve(file);
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new CliException("Failed to read output schema file " + path + ": " + e.getMessage(), 1);
        }
        try {
            return ProtocolJson.tree(text);
        } catch (JacksonException e) {
            throw new CliException("Output schema file " + path + " is not valid JSON: " + e.getOriginalMessage(), 1);
        }
    }
}
