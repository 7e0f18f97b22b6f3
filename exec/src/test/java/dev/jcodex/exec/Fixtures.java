package dev.jcodex.exec;

import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.CommandExecutionSource;
import dev.jcodex.appserver.protocol.CommandExecutionStatus;
import dev.jcodex.appserver.protocol.FileUpdateChange;
import dev.jcodex.appserver.protocol.PatchApplyStatus;
import dev.jcodex.appserver.protocol.SandboxPolicy;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import dev.jcodex.appserver.protocol.ThreadStatus;
import dev.jcodex.appserver.protocol.ThreadTokenUsage;
import dev.jcodex.appserver.protocol.TokenUsageBreakdown;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnError;
import dev.jcodex.appserver.protocol.TurnStatus;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.protocol.AskForApproval;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/** Builders for the v2 notifications a real app-server sends during one exec turn. */
final class Fixtures {
    static final String TURN = "turn_1";
    static final String WORKDIR = "$WORKDIR";
    static final SandboxPolicy READ_ONLY = new SandboxPolicy.ReadOnly(null, null);
    static final SandboxPolicy WORKSPACE_WRITE = new SandboxPolicy.WorkspaceWrite(List.of(), null, false, false, false);

    private Fixtures() {}

    static ThreadStartResponse started(String threadId, String model, String provider, SandboxPolicy sandbox) {
        AppServerThread thread = new AppServerThread(threadId, null, "", false, provider, 1_763_745_153L,
                1_763_745_153L, new ThreadStatus.Idle(), "/codex-home/sessions/rollout.jsonl", WORKDIR, "0.1.0",
                JsonNodeFactory.instance.stringNode("exec"), null, null, null, null, List.of());
        return new ThreadStartResponse(thread, model, provider, null, WORKDIR, List.of(), AskForApproval.NEVER, "user",
                sandbox, null);
    }

    /** Builds the notification sequence of one turn on {@code threadId}. */
    static final class Script {
        private final String threadId;
        private final List<FakeAppServer.Step> steps = new ArrayList<>();
        private int seq;

        String threadId() {
            return threadId;
        }

        Script(String threadId) {
            this.threadId = threadId;
        }

        List<FakeAppServer.Step> steps() {
            return List.copyOf(steps);
        }

        Script notify(ServerNotification n) {
            steps.add(new FakeAppServer.Step.Notify(n));
            return this;
        }

        Script step(FakeAppServer.Step step) {
            steps.add(step);
            return this;
        }

        Script started(ThreadItem item) {
            return notify(new ServerNotification.ItemStarted(item, threadId, TURN));
        }

        Script completed(ThreadItem item) {
            return notify(new ServerNotification.ItemCompleted(item, threadId, TURN));
        }

        Script turnStarted() {
            return notify(new ServerNotification.TurnStarted(threadId, Turn.of(TURN, List.of(), TurnStatus.IN_PROGRESS)));
        }

        Script userMessage(String prompt) {
            ThreadItem item = new ThreadItem.UserMessage("user_" + seq++, List.of(UserInput.Text.of(prompt)));
            return started(item).completed(item);
        }

        Script agentMessage(String text) {
            String id = "msg_" + seq++;
            started(ThreadItem.AgentMessage.of(id, ""));
            notify(new ServerNotification.AgentMessageDelta(threadId, TURN, id, text));
            return completed(ThreadItem.AgentMessage.of(id, text));
        }

        Script reasoning(String summary) {
            String id = "rs_" + seq++;
            started(new ThreadItem.Reasoning(id, List.of(), List.of()));
            notify(new ServerNotification.ReasoningSummaryTextDelta(threadId, TURN, id, summary, 0));
            return completed(new ThreadItem.Reasoning(id, List.of(summary), List.of()));
        }

        Script command(String command, String output, int exitCode, long durationMs) {
            String id = "call_" + seq++;
            started(commandItem(id, command, CommandExecutionStatus.IN_PROGRESS, null, null, null));
            notify(new ServerNotification.CommandExecutionOutputDelta(threadId, TURN, id, output));
            return completed(commandItem(id, command, exitCode == 0 ? CommandExecutionStatus.COMPLETED
                    : CommandExecutionStatus.FAILED, output, exitCode, durationMs));
        }

        Script patch(List<FileUpdateChange> changes, PatchApplyStatus status) {
            String id = "patch_" + seq++;
            started(new ThreadItem.FileChange(id, changes, PatchApplyStatus.IN_PROGRESS));
            return completed(new ThreadItem.FileChange(id, changes, status));
        }

        Script usage(long totalIn, long totalOut, long lastIn, long lastOut) {
            return notify(new ServerNotification.ThreadTokenUsageUpdated(threadId, TURN, new ThreadTokenUsage(
                    new TokenUsageBreakdown(totalIn + totalOut, totalIn, 0, totalOut, 0, 0),
                    new TokenUsageBreakdown(lastIn + lastOut, lastIn, 0, lastOut, 0, 0), 272_000L)));
        }

        Script error(String message, String details, boolean willRetry) {
            return notify(new ServerNotification.Error(new TurnError(message, null, details), willRetry, threadId, TURN));
        }

        Script turnCompleted() {
            return notify(new ServerNotification.TurnCompleted(threadId, Turn.of(TURN, List.of(), TurnStatus.COMPLETED)));
        }

        Script turnFailed(String message) {
            return notify(new ServerNotification.TurnCompleted(threadId, new Turn(TURN, List.of(), TurnStatus.FAILED,
                    TurnError.of(message), null, null, null)));
        }
    }

    static ThreadItem.CommandExecution commandItem(String id, String command, CommandExecutionStatus status,
            String output, Integer exitCode, Long durationMs) {
        return new ThreadItem.CommandExecution(id, command, WORKDIR, null, CommandExecutionSource.AGENT, status,
                List.of(), output, exitCode, durationMs);
    }
}
