package dev.jcodex.cli;

import dev.jcodex.exec.ResumeTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code codex exec resume [SESSION_ID] [--last] [--all] [PROMPT]}: continue a stored thread headlessly. */
@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = RootCommand.VersionProvider.class,
        description = "Resume a previous session by id or with --last.", usageHelpAutoWidth = true)
final class ExecResumeCommand implements Callable<Integer> {

    @ParentCommand
    ExecCommand exec;

    @Option(names = "--last", description = "Resume the most recent session (in this directory unless --all).")
    boolean last;

    @Option(names = "--all", description = "With --last: consider sessions from every directory.")
    boolean all;

    @Option(names = {"-i", "--image"}, paramLabel = "FILE", split = ",", description = "Images to attach.")
    java.util.List<String> images = new java.util.ArrayList<>();

    @Parameters(index = "0", arity = "0..1", paramLabel = "SESSION_ID", description = "Thread id or name.")
    String sessionId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROMPT", description = "Next instructions; `-` reads stdin.")
    String prompt;

    @Override
    public Integer call() {
        ResumeTarget.Selection selection = ResumeTarget.select(sessionId, prompt,
                last ? ResumeTarget.LastFlag.LAST : ResumeTarget.LastFlag.NOT_LAST, exec.prompt);
        exec.shared.images.addAll(images);
        return exec.run(selection.target(), all, selection.prompt());
    }
}
