package dev.jcodex.appserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.ServerEvent;
import dev.jcodex.appserver.protocol.ApprovalDecision;
import dev.jcodex.appserver.protocol.CommandExecutionApprovalDecision;
import dev.jcodex.appserver.protocol.CommandExecutionRequestApprovalResponse;
import dev.jcodex.appserver.protocol.FileChangeRequestApprovalResponse;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ServerRequest;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadStartParams;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.sandbox.SandboxMechanism;
import dev.jcodex.sandbox.SandboxSelector;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The set-up the approval end-to-end tests share: a {@link ServerHarness} whose work dir is a real git repository
 * with an existing {@code sub/} directory (where the sandbox uses its split layout — no CAP_SYS_ADMIN — a sandboxed
 * command cannot create entries directly in the cwd, see the sandbox README; writing inside {@code sub/} works under
 * both layouts), a directory outside every writable root ({@code /tmp} and {@code $TMPDIR} are
 * excluded from workspace-write, since all temp dirs live under {@code /tmp}), and helpers to script the mock
 * model, to answer approval requests and to read what the model was sent back.
 */
final class ApprovalScenario implements AutoCloseable {
    final ServerHarness h;
    final Path outside;

    ApprovalScenario() throws IOException, InterruptedException {
        h = new ServerHarness();
        h.override("sandbox_workspace_write.exclude_slash_tmp=true")
                .override("sandbox_workspace_write.exclude_tmpdir_env_var=true");
        git("init", "-q");
        Files.createDirectories(h.workdir.resolve("sub"));
        outside = Files.createTempDirectory("jcodex-outside-").toRealPath();
    }

    /** Skips the calling test where no sandbox can be enforced (it needs real sandbox denials). */
    static void assumeSandbox() {
        SandboxSelector selector = SandboxSelector.detect();
        assumeTrue(selector.mechanism() != SandboxMechanism.NONE, "no sandbox on this machine: "
                + selector.unavailableReason());
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(h.workdir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", argv, out).isZero();
    }

    /** A connected, initialized client with a thread under {@code approval} and {@code sandbox}; its id. */
    String startThread(AskForApproval approval, SandboxMode sandbox) {
        return startThread(approval, sandbox, Map.of());
    }

    /** Like {@link #startThread(AskForApproval, SandboxMode)} with {@code config} entries for the thread. */
    String startThread(AskForApproval approval, SandboxMode sandbox, Map<String, JsonNode> config) {
        AppServerClient client = h.client == null ? h.connectInitialized() : h.client;
        return client.threadStart(ThreadStartParams.builder().cwd(h.workdir.toString()).approvalPolicy(approval)
                .sandbox(sandbox).config(config).build()).thread().id();
    }

    /** Starts a turn; its id. */
    String turn(String threadId, String prompt) {
        return h.client.turnStart(ServerHarness.prompt(threadId, prompt)).turn().id();
    }

    /** Model script: one response calling {@code exec_command} with {@code cmd}. */
    static MockResponse exec(String callId, String cmd) {
        return MockResponse.sse().functionCall(callId, "exec_command", args(cmd, null)).build();
    }

    /** Model script: {@code exec_command} asking to run {@code cmd} outside the sandbox, with a justification. */
    static MockResponse execEscalated(String callId, String cmd, String justification) {
        return MockResponse.sse().functionCall(callId, "exec_command", args(cmd, justification)).build();
    }

    private static String args(String cmd, String justification) {
        ObjectNode args = ProtocolJson.mapper().createObjectNode().put("cmd", cmd).put("yield_time_ms", 10_000);
        if (justification != null) {
            args.put("sandbox_permissions", "require_escalated").put("justification", justification);
        }
        return args.toString();
    }

    /** The next server request; notifications before it are added to {@code seen} (may be null). */
    ServerRequest nextRequest(List<ServerNotification> seen) throws InterruptedException {
        while (true) {
            ServerEvent event = h.client.next(ServerHarness.WAIT).orElseThrow(() -> new AssertionError(
                    "no server request within " + ServerHarness.WAIT + "; seen " + seen));
            switch (event) {
                case ServerEvent.Request r -> {
                    return r.request();
                }
                case ServerEvent.Notification n -> {
                    if (seen != null) {
                        seen.add(n.notification());
                    }
                    if (n.notification() instanceof ServerNotification.TurnCompleted c) {
                        throw new AssertionError("turn completed without a server request: " + c + "; seen " + seen);
                    }
                }
            }
        }
    }

    /** Answers a command approval with {@code decision}. */
    void answerCommand(ServerRequest request, ApprovalDecision decision) {
        assertThat(request).isInstanceOf(ServerRequest.CommandExecutionRequestApproval.class);
        h.client.respond(request.id(), new CommandExecutionRequestApprovalResponse(
                new CommandExecutionApprovalDecision.Simple(decision)));
    }

    /** Answers a file-change approval with {@code decision}. */
    void answerFileChange(ServerRequest request, ApprovalDecision decision) {
        assertThat(request).isInstanceOf(ServerRequest.FileChangeRequestApproval.class);
        h.client.respond(request.id(), new FileChangeRequestApprovalResponse(decision));
    }

    /** Notifications until {@code turn/completed} (a server request fails the test); the completed turn. */
    Turn completedTurn(List<ServerNotification> seen) throws InterruptedException {
        List<ServerNotification> rest = ServerHarness.untilTurnCompleted(h.client);
        if (seen != null) {
            seen.addAll(rest);
        }
        return ((ServerNotification.TurnCompleted) rest.getLast()).turn();
    }

    /** The command item {@code callId} as it completed. */
    static ThreadItem.CommandExecution completedCommand(List<ServerNotification> seen, String callId) {
        return seen.stream().filter(n -> n instanceof ServerNotification.ItemCompleted c
                        && c.item() instanceof ThreadItem.CommandExecution e && e.id().equals(callId))
                .map(n -> (ThreadItem.CommandExecution) ((ServerNotification.ItemCompleted) n).item())
                .findFirst().orElseThrow(() -> new AssertionError("no item/completed for " + callId + " in " + seen));
    }

    /** What the model was sent back for {@code callId} (the first model request carrying it). */
    String outputSentToModel(String callId) {
        for (CapturedRequest request : h.mock.modelRequests()) {
            for (JsonNode item : request.bodyJson().path("input")) {
                String type = item.path("type").asString();
                if ((type.equals("function_call_output") || type.equals("custom_tool_call_output"))
                        && callId.equals(item.path("call_id").asString())) {
                    JsonNode output = item.path("output");
                    return output.isString() ? output.asString() : output.toString();
                }
            }
        }
        throw new AssertionError("no output for " + callId + " was sent to the model");
    }

    @Override
    public void close() throws IOException {
        h.close();
        try (Stream<Path> files = Files.walk(outside)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
