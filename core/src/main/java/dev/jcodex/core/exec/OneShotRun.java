package dev.jcodex.core.exec;

import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.process.ExecOutput;
import dev.jcodex.process.ExecRequest;
import dev.jcodex.process.ProcessException;
import dev.jcodex.process.RunningProcess;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.sandbox.SandboxDenial;
import java.time.Duration;
import java.util.Objects;

/**
 * A command of {@code shell} / {@code shell_command} / {@code local_shell}: run once to completion through the
 * {@link ToolOrchestrator}, with the command item's events. The timeout kills the whole process tree (exit code 124);
 * an interrupt kills it too and propagates.
 */
public final class OneShotRun {

    /** Default {@code timeout_ms} of the one-shot tools. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(10_000);

    /** What became of the command. */
    public sealed interface Result {}

    /** The command ran; {@code output} holds its exit code, output, duration and whether it timed out. */
    public record Finished(ExecOutput output) implements Result {
        public Finished {
            Objects.requireNonNull(output, "output");
        }
    }

    /** The command did not run (refused, or it could not be started); {@code message} is for the model. */
    public record NotRun(String message) implements Result {
        public NotRun {
            Objects.requireNonNull(message, "message");
        }
    }

    private OneShotRun() {}

    /**
     * Emits the started item, runs {@code request} through approval and sandbox, completes the item and returns the
     * result.
     *
     * @param timeout wall-clock limit of each attempt
     * @throws dev.jcodex.core.tools.TurnAbortedException if the user aborted at an approval prompt
     * @throws InterruptedException if interrupted; the process tree has been killed and the item marked failed
     */
    public static Result execute(TurnServices turn, CommandRequest request, Duration timeout)
            throws InterruptedException {
        ExecRuntime runtime = turn.execRuntime();
        CommandItem item = CommandItem.start(turn, request.callId(), request.command(), request.cwd(),
                TurnItem.CommandSource.AGENT);
        ExecRequest base = ExecRequest.of(request.command(), request.cwd(), turn.childEnvironment())
                .withTimeout(timeout);
        ExecAttempt<ExecOutput> attempt = new ExecAttempt<>() {
            @Override
            public ExecOutput run(ExecRequest prepared) throws InterruptedException {
                RunningProcess process = runtime.startTracked(prepared, item.newAttempt());
                try (process) {
                    int code = process.waitFor();
                    process.awaitOutputClosed(RunningProcess.IO_DRAIN_TIMEOUT);
                    return new ExecOutput(code, process.stdout(), process.stderr(), process.aggregatedOutput(),
                            process.elapsed(), process.timedOut());
                } finally {
                    runtime.untrack(process);
                }
            }

            @Override
            public boolean deniedBySandbox(ExecOutput output) {
                return !output.timedOut()
                        && SandboxDenial.looksLikeSandboxDenial(output.exitCode(), output.stdout(), output.stderr());
            }
        };
        ExecOutcome<ExecOutput> outcome;
        try {
            outcome = new ToolOrchestrator(turn).run(request, base, attempt);
        } catch (InterruptedException e) {
            item.completeWithoutExit(TurnItem.Status.FAILED, item.accumulatedOutput());
            throw e;
        } catch (ProcessException e) {
            String message = "execution error: " + e.getMessage();
            item.completeWithoutExit(TurnItem.Status.FAILED, message);
            return new NotRun(message);
        } catch (RuntimeException e) {
            item.completeWithoutExit(TurnItem.Status.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
        return switch (outcome) {
            case ExecOutcome.Ran<ExecOutput> ran -> {
                ExecOutput output = ran.result();
                item.completeWithExit(output.exitCode(), output.aggregated());
                yield new Finished(output);
            }
            case ExecOutcome.Refused<ExecOutput> refused -> {
                item.completeWithoutExit(refused.refusal().itemStatus(), refused.message());
                yield new NotRun(refused.message());
            }
        };
    }
}
