package dev.jcodex.exec;

import dev.jcodex.appserver.client.AppServerClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Runs {@code codex exec}: resolves the prompt, opens a thread ({@code thread/start} or {@code thread/resume}),
 * starts one turn, prints its notifications as human text or JSONL until {@code turn/completed}, unsubscribes, and
 * returns the exit code (spec §1.4).
 *
 * <p>Every server request is answered without asking anyone (approvals rejected with -32000, elicitations
 * cancelled). Interrupts from the {@link InterruptHook} send {@code turn/interrupt}.
 */
public final class ExecRunner {
    private final InterruptHook interruptHook;

    /** A runner without an interrupt source. */
    public ExecRunner() {
        this(InterruptHook.NONE);
    }

    /** A runner that sends {@code turn/interrupt} whenever {@code interruptHook} fires. */
    public ExecRunner(InterruptHook interruptHook) {
        this.interruptHook = Objects.requireNonNull(interruptHook);
    }

    /**
     * Runs one exec session on {@code client}, which must be connected but not yet initialized (this sends
     * {@code initialize} as {@code codex_exec}). The client is left open for the caller to close.
     *
     * @param stdin read for the prompt as §1.4 says
     * @param stdinIsTty whether stdin is a terminal (then it is only read for the prompt {@code -})
     * @param out JSONL events, or the final message in human mode
     * @param err notices, the human transcript and errors
     * @return 0 when the turn completed; 1 when it failed or was interrupted, an {@code error} notification for it
     *     had {@code willRetry=false}, a server request could not be answered, the prompt could not be read, the
     *     directory is not a Git work tree (without {@code --skip-git-repo-check}), a request failed, or the
     *     server went away before the turn completed
     */
    public int run(ExecOptions options, AppServerClient client, InputStream stdin, boolean stdinIsTty,
            PrintStream out, PrintStream err) {
        String prompt;
        try {
            PromptResolver resolver = new PromptResolver(stdin, StdinKind.of(stdinIsTty), err);
            prompt = options.resume() instanceof ResumeTarget.None
                    ? resolver.resolveRoot(options.prompt())
                    : resolver.resolve(options.prompt());
        } catch (PromptException e) {
            err.print(e.getMessage() + "\n");
            err.flush();
            return 1;
        }
        if (!options.skipGitRepoCheck() && !GitRepo.isInside(options.cwd())) {
            err.print(GitRepo.NOT_TRUSTED + "\n");
            err.flush();
            return 1;
        }
        EventProcessor processor = switch (options.outputMode()) {
            case JSONL -> new JsonlEventProcessor(out, err, options.outputLastMessage());
            case HUMAN -> new HumanEventProcessor(out, err, options);
        };
        try {
            return new ExecSession(options, client, processor, interruptHook, err).run(prompt);
        } catch (ExecException e) {
            err.print("Error: " + e.getMessage() + "\n");
            err.flush();
            return 1;
        }
    }
}
