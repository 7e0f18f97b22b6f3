package dev.jcodex.core.exec;

import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.process.ExecRequest;
import dev.jcodex.process.ProcessException;
import dev.jcodex.process.UnifiedExecResult;
import dev.jcodex.process.UnifiedExecSessions;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.sandbox.SandboxDenial;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The two calls of unified exec (spec §4.3): {@link #start} for {@code exec_command} (through the
 * {@link ToolOrchestrator}) and {@link #write} for {@code write_stdin}.
 *
 * <p>The command item of a started process completes when the process exits: at once if it exited within the
 * yield, otherwise when a later {@code write_stdin} sees the exit or the exit notification arrives, whichever is
 * first. Interrupting either call kills the process it was waiting on and propagates.
 */
public final class UnifiedExecCalls {

    /** What a call returned. */
    public sealed interface Result {}

    /** The process ran or runs; {@link UnifiedExecResult#render()} is the model's text. */
    public record Output(UnifiedExecResult result) implements Result {
        public Output {
            Objects.requireNonNull(result, "result");
        }
    }

    /** Nothing ran or the session is unknown; {@code message} is for the model. */
    public record NotRun(String message) implements Result {
        public NotRun {
            Objects.requireNonNull(message, "message");
        }
    }

    private UnifiedExecCalls() {}

    /**
     * Starts {@code request}'s command as a unified exec session after approval and sandbox selection, and collects
     * its output for the yield time.
     *
     * @param terminal        pipes ({@code tty=false}) or a PTY
     * @param yieldTimeMs     requested yield (clamped by {@link UnifiedExecSessions#clampExecYield})
     * @param maxOutputTokens output budget of this call
     * @throws dev.jcodex.core.tools.TurnAbortedException if the user aborted at an approval prompt
     * @throws InterruptedException if interrupted; the process has been killed
     */
    public static Result start(TurnServices turn, CommandRequest request, ExecRequest.Terminal terminal,
            long yieldTimeMs, int maxOutputTokens) throws InterruptedException {
        ExecRuntime runtime = turn.execRuntime();
        UnifiedExecSessions sessions = runtime.unifiedExec();
        CommandItem item = CommandItem.start(turn, request.callId(), request.command(), request.cwd(),
                TurnItem.CommandSource.UNIFIED_EXEC_STARTUP);
        ExecRequest base = ExecRequest.of(request.command(), request.cwd(), turn.childEnvironment())
                .withTerminal(terminal);
        ExecAttempt<UnifiedExecResult> attempt = new ExecAttempt<>() {
            @Override
            public UnifiedExecResult run(ExecRequest prepared) throws InterruptedException {
                Set<Integer> before = sessions.sessionIds();
                try {
                    return sessions.start(prepared, yieldTimeMs, maxOutputTokens, item.newAttempt());
                } catch (InterruptedException e) {
                    killStartedSince(sessions, before);
                    throw e;
                }
            }

            @Override
            public boolean deniedBySandbox(UnifiedExecResult result) {
                return result.state() instanceof UnifiedExecResult.Exited(int code)
                        && SandboxDenial.looksLikeSandboxDenial(code, result.output(), "");
            }
        };
        ExecOutcome<UnifiedExecResult> outcome;
        try {
            outcome = new ToolOrchestrator(turn).run(request, base, attempt);
        } catch (InterruptedException e) {
            item.completeWithoutExit(TurnItem.Status.FAILED, item.accumulatedOutput());
            throw e;
        } catch (ProcessException e) {
            item.completeWithoutExit(TurnItem.Status.FAILED, e.getMessage());
            return new NotRun(e.getMessage());
        } catch (RuntimeException e) {
            item.completeWithoutExit(TurnItem.Status.FAILED, String.valueOf(e.getMessage()));
            throw e;
        }
        return switch (outcome) {
            case ExecOutcome.Ran<UnifiedExecResult> ran -> {
                UnifiedExecResult result = ran.result();
                switch (result.state()) {
                    case UnifiedExecResult.Exited exited -> item.completeWithExit(exited.exitCode(), result.output());
                    case UnifiedExecResult.Running running -> {
                        int id = running.sessionId();
                        runtime.trackUnifiedItem(id, item);
                        item.completeOnExit(Integer.toString(id), () -> runtime.takeUnifiedItem(id));
                    }
                }
                yield new Output(result);
            }
            case ExecOutcome.Refused<UnifiedExecResult> refused -> {
                item.completeWithoutExit(refused.refusal().itemStatus(), refused.message());
                yield new NotRun(refused.message());
            }
        };
    }

    /**
     * Sends {@code chars} to session {@code sessionId} (empty: just poll) and collects output for the yield time.
     *
     * @throws InterruptedException if interrupted; the session's process has been killed
     */
    public static Result write(TurnServices turn, int sessionId, String chars, long yieldTimeMs, int maxOutputTokens)
            throws InterruptedException {
        ExecRuntime runtime = turn.execRuntime();
        UnifiedExecSessions sessions = runtime.unifiedExec();
        UnifiedExecResult result;
        try {
            result = sessions.write(sessionId, chars, yieldTimeMs, maxOutputTokens);
        } catch (InterruptedException e) {
            runtime.takeUnifiedItem(sessionId)
                    .ifPresent(item -> item.completeWithoutExit(TurnItem.Status.FAILED, item.accumulatedOutput()));
            sessions.terminate(sessionId);
            throw e;
        } catch (ProcessException e) {
            return new NotRun(e.getMessage());
        }
        if (result.state() instanceof UnifiedExecResult.Exited(int code)) {
            runtime.takeUnifiedItem(sessionId).ifPresent(item -> item.completeWithExit(code, item.accumulatedOutput()));
        }
        return new Output(result);
    }

    private static void killStartedSince(UnifiedExecSessions sessions, Set<Integer> before) {
        Set<Integer> started = new HashSet<>(sessions.sessionIds());
        started.removeAll(before);
        started.forEach(sessions::terminate);
    }
}
