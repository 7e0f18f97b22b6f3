package dev.jcodex.exec;

import tools.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.AppServerThread;
import dev.jcodex.appserver.protocol.ClientInfo;
import dev.jcodex.appserver.protocol.CommandExecutionRequestApprovalParams;
import dev.jcodex.appserver.protocol.CommandExecutionStatus;
import dev.jcodex.appserver.protocol.ErrorCodes;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalParams;
import dev.jcodex.appserver.protocol.InitializeParams;
import dev.jcodex.appserver.protocol.JsonRpcError;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.RequestId;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadListResponse;
import dev.jcodex.appserver.protocol.ThreadResumeParams;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.ThreadUnsubscribeParams;
import dev.jcodex.appserver.protocol.ToolRequestUserInputParams;
import dev.jcodex.appserver.protocol.TurnInterruptParams;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.appserver.protocol.UserInput;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.SandboxMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

class ExecRunnerTest {
    static final String THREAD = "019a0000-0000-7000-8000-000000000001";

    @TempDir
    Path tmp;

    private static ExecOptions.Builder options() {
        return ExecOptions.builder(Path.of(Fixtures.WORKDIR)).prompt("Say hello.").skipGitRepoCheck(true)
                .outputMode(OutputMode.JSONL);
    }

    private static Fixtures.Script script() {
        return new Fixtures.Script(THREAD).turnStarted();
    }

    private static ExecHarness harness(Fixtures.Script script) {
        return new ExecHarness(Fixtures.started(THREAD, "gpt-5.5", "openai", Fixtures.READ_ONLY), script.steps());
    }

    @Test
    void theHandshakeThreadAndTurnRequestsCarryTheOptions() throws Exception {
        ExecHarness h = harness(script().agentMessage("Hi").turnCompleted());
        ExecHarness.Run run = h.run(options().model("gpt-5.5").modelProvider("openai").sandbox(SandboxMode.WORKSPACE_WRITE)
                .ephemeral(true).effort(ReasoningEffort.LOW).images(List.of(Path.of("/img/a.png"))).build());
        assertThat(run.exitCode()).isZero();
        FakeAppServer s = h.server();
        assertThat(s.request(Methods.INITIALIZE).paramsAs(InitializeParams.class).clientInfo())
                .isEqualTo(new ClientInfo("codex_exec", null, "0.1.0"));
        assertThat(s.received()).contains(new JsonRpcMessage.Notification(Methods.INITIALIZED, (JsonNode) null));
        assertThat(s.request(Methods.THREAD_START).paramsAs(ThreadStartParams.class)).isEqualTo(ThreadStartParams.builder()
                .model("gpt-5.5").modelProvider("openai").cwd("$WORKDIR").approvalPolicy(AskForApproval.NEVER)
                .sandbox(SandboxMode.WORKSPACE_WRITE).ephemeral(true).build());
        assertThat(s.request(Methods.TURN_START).paramsAs(TurnStartParams.class)).isEqualTo(TurnStartParams.builder(THREAD,
                List.of(new UserInput.LocalImage("/img/a.png"), new UserInput.Text("Say hello.", List.of())))
                .cwd("$WORKDIR").approvalPolicy(AskForApproval.NEVER).effort(ReasoningEffort.LOW).build());
        assertThat(s.request(Methods.THREAD_UNSUBSCRIBE).paramsAs(ThreadUnsubscribeParams.class))
                .isEqualTo(new ThreadUnsubscribeParams(THREAD));
        assertThat(s.requests()).extracting(JsonRpcMessage.Request::method).doesNotContain(Methods.THREAD_READ);
    }

    @Test
    void everyServerRequestIsRejectedOrCancelledWithoutFailingTheRun() throws Exception {
        var approval = new CommandExecutionRequestApprovalParams(THREAD, Fixtures.TURN, "c1", null, null, null, "rm -rf /",
                null, null, null, null, null, null);
        Fixtures.Script script = script()
                .step(new FakeAppServer.Step.Ask(new ServerRequest.CommandExecutionRequestApproval(RequestId.of(100), approval)))
                .step(new FakeAppServer.Step.Ask(new ServerRequest.FileChangeRequestApproval(RequestId.of(101),
                        new FileChangeRequestApprovalParams(THREAD, Fixtures.TURN, "f1", null, null))))
                .step(new FakeAppServer.Step.Ask(new ServerRequest.ToolRequestUserInput(RequestId.of(102),
                        new ToolRequestUserInputParams(THREAD, Fixtures.TURN, "t1", List.of()))))
                .step(ask(103, Methods.MCP_SERVER_ELICITATION_REQUEST, "{\"threadId\":\"" + THREAD + "\",\"serverName\":\"s\"}"))
                .step(ask(104, Methods.DYNAMIC_TOOL_CALL, "{\"threadId\":\"" + THREAD + "\",\"tool\":\"x\"}"))
                .step(ask(105, Methods.EXEC_COMMAND_APPROVAL, "{\"conversationId\":\"" + THREAD + "\"}"))
                .step(ask(106, Methods.APPLY_PATCH_APPROVAL, "{\"conversationId\":\"" + THREAD + "\"}"))
                .step(ask(107, Methods.PERMISSIONS_REQUEST_APPROVAL, "{\"threadId\":\"" + THREAD + "\"}"))
                .step(ask(108, Methods.CHATGPT_AUTH_TOKENS_REFRESH, "{\"reason\":\"unauthorized\"}"))
                .step(ask(109, "future/request", "{}"))
                .agentMessage("Done").turnCompleted();
        ExecHarness h = harness(script);
        assertThat(h.run(options().build()).exitCode()).isZero();
        FakeAppServer s = h.server();
        String t = "`" + THREAD + "`";
        assertThat(s.answerTo(RequestId.of(100))).isEqualTo(JsonRpcMessage.error(RequestId.of(100), -32000,
                "command execution approval is not supported in exec mode for thread " + t));
        assertThat(rejection(s, 101)).isEqualTo("file change approval is not supported in exec mode for thread " + t);
        assertThat(rejection(s, 102)).isEqualTo("request_user_input is not supported in exec mode for thread " + t);
        assertThat(s.answerTo(RequestId.of(103))).isEqualTo(new JsonRpcMessage.Response(RequestId.of(103),
                ProtocolJson.tree("{\"action\":\"cancel\"}")));
        assertThat(rejection(s, 104)).isEqualTo("dynamic tool calls are not supported in exec mode for thread " + t);
        assertThat(rejection(s, 105)).isEqualTo("exec command approval is not supported in exec mode for thread " + t);
        assertThat(rejection(s, 106)).isEqualTo("apply_patch approval is not supported in exec mode for thread " + t);
        assertThat(rejection(s, 107)).isEqualTo("permissions approval is not supported in exec mode for thread " + t);
        assertThat(rejection(s, 108)).isEqualTo("chatgpt auth token refresh is not supported in exec mode");
        assertThat(rejection(s, 109)).isEqualTo("future/request is not supported in exec mode");
    }

    private static FakeAppServer.Step ask(long id, String method, String params) {
        return new FakeAppServer.Step.Ask(new ServerRequest.Unknown(RequestId.of(id), method, ProtocolJson.tree(params)));
    }

    private static String rejection(FakeAppServer s, long id) {
        JsonRpcMessage.Error e = (JsonRpcMessage.Error) s.answerTo(RequestId.of(id));
        assertThat(e.error().code()).isEqualTo(ErrorCodes.REQUEST_REJECTED);
        return e.error().message();
    }

    @Test
    void anErrorWithoutRetryFailsTheRunEvenIfTheTurnCompletes() throws Exception {
        ExecHarness.Run run = harness(script().error("Reconnecting... 1/5", "x", true).error("fatal", null, false)
                .agentMessage("late").turnCompleted()).run(options().build());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("{\"type\":\"error\",\"message\":\"fatal\"}").contains("turn.completed");
    }

    @Test
    void notificationsOfOtherThreadsAndTurnsAreIgnored() throws Exception {
        ExecHarness.Run run = harness(script()
                .notify(new ServerNotification.Error(dev.jcodex.appserver.protocol.TurnError.of("other"), false, "t2", Fixtures.TURN))
                .notify(new ServerNotification.ItemCompleted(dev.jcodex.appserver.protocol.ThreadItem.AgentMessage.of("x", "elsewhere"),
                        THREAD, "turn_9"))
                .notify(new ServerNotification.Warning("t2", "not mine"))
                .agentMessage("mine").turnCompleted()).run(options().build());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).doesNotContain("other").doesNotContain("elsewhere").doesNotContain("not mine")
                .contains("\"text\":\"mine\"");
    }

    @Test
    void ctrlCSendsTurnInterruptAndAnInterruptedTurnExitsOne() throws Exception {
        CompletableFuture<Runnable> installed = new CompletableFuture<>();
        InterruptHook hook = action -> {
            installed.complete(action);
            return () -> { };
        };
        Fixtures.Script script = script().command("sleep 100", "", 0, 1).step(new FakeAppServer.Step.AwaitInterrupt());
        ExecHarness h = harness(script).hook(hook);
        CompletableFuture<ExecHarness.Run> run = CompletableFuture.supplyAsync(() -> {
            try {
                return h.run(options().outputMode(OutputMode.HUMAN).color(ColorMode.NEVER).build());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRequest(h.server(), Methods.TURN_START);
        installed.get().run();
        ExecHarness.Run result = run.get();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(h.server().request(Methods.TURN_INTERRUPT).paramsAs(TurnInterruptParams.class))
                .isEqualTo(new TurnInterruptParams(THREAD, Fixtures.TURN));
        assertThat(result.stderr()).endsWith("turn interrupted\n");
        assertThat(result.stdout()).isEmpty();
    }

    private static void awaitRequest(FakeAppServer server, String method) throws InterruptedException {
        while (server.requests().stream().noneMatch(r -> r.method().equals(method))) {
            Thread.sleep(5);
        }
    }

    @Test
    void anInterruptedTurnPrintsNoTerminalJsonLine() throws Exception {
        ExecHarness.Run run = harness(script().notify(new ServerNotification.TurnCompleted(THREAD,
                dev.jcodex.appserver.protocol.Turn.of(Fixtures.TURN, List.of(), dev.jcodex.appserver.protocol.TurnStatus.INTERRUPTED))))
                .run(options().build());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo("{\"type\":\"thread.started\",\"thread_id\":\"" + THREAD + "\"}\n"
                + "{\"type\":\"turn.started\"}\n");
    }

    @Test
    void aServerThatGoesAwayBeforeTheTurnCompletesIsAnError() throws Exception {
        ExecHarness.Run run = harness(script().agentMessage("partial").step(new FakeAppServer.Step.Hangup()))
                .run(options().build());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("the app-server closed the connection before the turn completed");
    }

    @Test
    void aFailedRequestIsReportedWithItsMethod() throws Exception {
        ExecHarness h = harness(script());
        h.server().failing(Methods.THREAD_START, JsonRpcError.of(ErrorCodes.INVALID_REQUEST, "model `x` is not available"));
        ExecHarness.Run run = h.stdin("").run(options().build());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo("Reading additional input from stdin...\n"
                + "Error: thread/start: model `x` is not available\n");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void outputLastMessageIsWrittenOnSuccess() throws Exception {
        Path file = tmp.resolve("last.txt");
        ExecHarness.Run run = harness(script().agentMessage("first").agentMessage("final answer").turnCompleted())
                .stdinIsTty().run(options().outputLastMessage(file).build());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(file)).isEqualTo("final answer");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void withoutAnAgentMessageTheFileIsEmptyAndAWarningPrinted() throws Exception {
        Path file = tmp.resolve("last.txt");
        ExecHarness.Run run = harness(script().turnCompleted())
                .run(options().outputMode(OutputMode.HUMAN).outputLastMessage(file).build());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(file)).isEmpty();
        assertThat(run.stderr()).contains("Warning: no last agent message; wrote empty content to " + file + "\n");
    }

    @Test
    void theFileIsNotWrittenWhenTheTurnFails() throws Exception {
        Path file = tmp.resolve("last.txt");
        ExecHarness.Run run = harness(script().agentMessage("partial").turnFailed("boom"))
                .run(options().outputLastMessage(file).build());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(file).doesNotExist();
        assertThat(run.stdout()).endsWith("{\"type\":\"turn.failed\",\"error\":{\"message\":\"boom\"}}\n");
    }

    @Test
    void emptyTurnItemsAreBackfilledWithThreadReadToFinishStartedItems() throws Exception {
        var running = Fixtures.commandItem("c9", "make", CommandExecutionStatus.IN_PROGRESS, null, null, null);
        var finished = Fixtures.commandItem("c9", "make", CommandExecutionStatus.FAILED, "boom\n", 2, 10L);
        Fixtures.Script script = script().started(running);
        // The server knows the command finished (thread/read) but the item/completed never reached exec.
        script.step(new FakeAppServer.Step.Notify(new ServerNotification.ItemCompleted(finished, THREAD, "turn_other")));
        ExecHarness h = harness(script.turnCompleted());
        ExecHarness.Run run = h.run(options().build());
        assertThat(h.server().requests()).extracting(JsonRpcMessage.Request::method).contains(Methods.THREAD_READ);
        assertThat(run.stdout()).contains("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":"
                + "\"command_execution\",\"command\":\"make\",\"aggregated_output\":\"boom\\n\",\"exit_code\":2,"
                + "\"status\":\"failed\"}}\n{\"type\":\"turn.completed\"");
    }

    @Test
    void ephemeralThreadsAreNotBackfilled() throws Exception {
        ExecHarness h = harness(script().turnCompleted());
        h.run(options().ephemeral(true).build());
        assertThat(h.server().requests()).extracting(JsonRpcMessage.Request::method).doesNotContain(Methods.THREAD_READ);
    }

    @Test
    void outsideAGitRepoExecRefusesUnlessSkipped() throws Exception {
        ExecHarness.Run refused = harness(script()).stdinIsTty().run(ExecOptions.builder(tmp).prompt("p").build());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("Not inside a trusted directory and --skip-git-repo-check was not specified.\n");
        Files.createDirectories(tmp.resolve("repo/.git"));
        Files.createDirectories(tmp.resolve("repo/sub"));
        ExecHarness.Run inside = harness(script().turnCompleted())
                .run(ExecOptions.builder(tmp.resolve("repo/sub")).prompt("p").build());
        assertThat(inside.exitCode()).isZero();
    }

    @Test
    void promptProblemsExitOneBeforeTalkingToTheServer() throws Exception {
        ExecHarness h = harness(script());
        ExecHarness.Run run = h.stdinIsTty().run(options().prompt(null).build());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEqualTo(PromptResolver.NO_PROMPT + "\n");
        assertThat(h.server().requests()).isEmpty();
    }

    @Test
    void resumeLastPicksTheNewestThreadInThisDirectory() throws Exception {
        ExecHarness h = harness(script().turnCompleted());
        h.server().threadList(p -> new ThreadListResponse(List.of(thread("elsewhere", "/other", null),
                thread(THREAD, "$WORKDIR", null)), null, null));
        ExecHarness.Run run = h.stdin("piped").run(options().resume(new ResumeTarget.Last()).modelProvider("openai").build());
        assertThat(run.exitCode()).isZero();
        var list = h.server().request(Methods.THREAD_LIST).paramsAs(dev.jcodex.appserver.protocol.ThreadListParams.class);
        assertThat(list.modelProviders()).containsExactly("openai");
        assertThat(list.limit()).isEqualTo(100);
        assertThat(h.server().request(Methods.THREAD_RESUME).paramsAs(ThreadResumeParams.class).threadId())
                .isEqualTo(THREAD);
        assertThat(h.server().request(Methods.TURN_START).paramsAs(TurnStartParams.class).input())
                .containsExactly(new UserInput.Text("Say hello.", List.of()));
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void resumeByNameMatchesTheExactNameAndFallsBackToANewThread() throws Exception {
        ExecHarness h = harness(script().turnCompleted());
        h.server().threadList(p -> new ThreadListResponse(List.of(thread(THREAD, "/elsewhere", "nightly"),
                thread("b", "/x", "nightly build")), null, null));
        h.run(options().resume(new ResumeTarget.ById("nightly")).resumeAll(true).build());
        assertThat(h.server().request(Methods.THREAD_RESUME).paramsAs(ThreadResumeParams.class).threadId()).isEqualTo(THREAD);
        assertThat(h.server().request(Methods.THREAD_LIST).paramsAs(dev.jcodex.appserver.protocol.ThreadListParams.class)
                .searchTerm()).isEqualTo("nightly");

        ExecHarness none = harness(script().turnCompleted());
        none.run(options().resume(new ResumeTarget.ById("nightly")).build());
        assertThat(none.server().requests()).extracting(JsonRpcMessage.Request::method)
                .contains(Methods.THREAD_START).doesNotContain(Methods.THREAD_RESUME);
    }

    @Test
    void resumeByUuidSkipsTheLookup() throws Exception {
        ExecHarness h = harness(script().turnCompleted());
        h.run(options().resume(new ResumeTarget.ById(THREAD)).build());
        assertThat(h.server().requests()).extracting(JsonRpcMessage.Request::method).doesNotContain(Methods.THREAD_LIST);
        assertThat(h.server().request(Methods.THREAD_RESUME).paramsAs(ThreadResumeParams.class).threadId())
                .isEqualTo(THREAD);
    }

    private static AppServerThread thread(String id, String cwd, String name) {
        AppServerThread t = Fixtures.started(id, "m", "openai", Fixtures.READ_ONLY).thread();
        return new AppServerThread(id, null, "", false, "openai", 0, 0, t.status(), null, cwd, "0.1.0",
                JsonNodeFactory.instance.stringNode("exec"), null, null, null, name, List.of());
    }
}
