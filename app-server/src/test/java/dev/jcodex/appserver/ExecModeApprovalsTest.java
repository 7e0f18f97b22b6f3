package dev.jcodex.appserver;

import static dev.jcodex.appserver.ApprovalScenario.exec;
import static dev.jcodex.appserver.ApprovalScenario.execEscalated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.AppServerTransport;
import dev.jcodex.appserver.protocol.JsonRpcMessage;
import dev.jcodex.exec.ColorMode;
import dev.jcodex.exec.ExecOptions;
import dev.jcodex.exec.ExecRunner;
import dev.jcodex.exec.OutputMode;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.testkit.MockResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code codex exec} over the real server (spec §6.1: exec forces {@code never}): even with
 * {@code approval_policy = "untrusted"} configured, no approval request is ever sent; sandbox denials, refused
 * escalations and refused patches go back to the model, and exec exits 0 with the model's final message.
 */
class ExecModeApprovalsTest {
    ApprovalScenario s;
    Path target;

    @BeforeEach
    void setUp() throws Exception {
        ApprovalScenario.assumeSandbox();
        s = new ApprovalScenario();
        s.h.override("approval_policy=\"untrusted\"");
        target = s.outside.resolve("x");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (s != null) {
            s.close();
        }
    }

    /** The client side of a transport, keeping every request the server sent. */
    static final class RecordingTransport implements AppServerTransport {
        final AppServerTransport delegate;
        final List<JsonRpcMessage.Request> serverRequests = new CopyOnWriteArrayList<>();

        RecordingTransport(AppServerTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public void send(JsonRpcMessage message) throws IOException {
            delegate.send(message);
        }

        @Override
        public JsonRpcMessage receive() throws IOException, InterruptedException {
            JsonRpcMessage message = delegate.receive();
            if (message instanceof JsonRpcMessage.Request r) {
                serverRequests.add(r);
            }
            return message;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    record Run(int exitCode, String stdout, String stderr, List<JsonRpcMessage.Request> serverRequests) {}

    private Run runExec(String prompt) throws Exception {
        ExecOptions options = ExecOptions.builder(s.h.workdir).prompt(prompt).outputMode(OutputMode.HUMAN)
                .color(ColorMode.AUTO).model("gpt-5.5").sandbox(SandboxMode.WORKSPACE_WRITE).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        RecordingTransport transport;
        try (InProcessAppServer server = InProcessAppServer.start(s.h.options());
                RecordingTransport t = new RecordingTransport(server.clientTransport());
                AppServerClient client = AppServerClient.start(t);
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            transport = t;
            code = new ExecRunner().run(options, client, new ByteArrayInputStream(new byte[0]), false, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                List.copyOf(transport.serverRequests));
    }

    @Test
    void sandboxDenialGoesToTheModelAndExecSucceeds() throws Exception {
        s.h.mock.enqueue(exec("call_try", "touch " + target),
                execEscalated("call_esc", "touch " + target, "Allow writing outside?"),
                MockResponse.reply("I could not write outside the workspace."));

        Run run = runExec("Touch a file outside the workspace.");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("I could not write outside the workspace.\n");
        assertThat(run.serverRequests()).isEmpty();
        assertThat(target).doesNotExist();
        assertThat(s.outputSentToModel("call_try")).contains("Permission denied")
                .contains("Process exited with code 1");
        assertThat(s.outputSentToModel("call_esc")).isEqualTo("approval policy is Never; reject command — you "
                + "should not ask for escalated permissions if the approval policy is Never");
        assertThat(run.stderr()).contains("approval: never");
    }

    @Test
    void patchOutsideTheRootsIsRefusedWithoutAsking() throws Exception {
        Path file = s.outside.resolve("patched.txt");
        s.h.mock.enqueue(SandboxEscalationTest.patchAdding("call_patch", file),
                exec("call_in", "touch sub/x"), MockResponse.reply("Patched inside only."));

        Run run = runExec("Write outside, then inside.");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("Patched inside only.\n");
        assertThat(run.serverRequests()).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(s.outputSentToModel("call_patch")).isEqualTo("patch rejected: writing outside of the "
                + "project; rejected by user approval settings");
        assertThat(s.h.workdir.resolve("sub/x")).as("writes inside the workspace run without asking").exists();
    }
}
