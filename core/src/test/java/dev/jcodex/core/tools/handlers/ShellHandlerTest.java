package dev.jcodex.core.tools.handlers;

import static dev.jcodex.core.tools.handlers.ShellCommandHandlerTest.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.applypatch.ApplyPatchInvocation;
import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolInvocation;
import dev.jcodex.core.tools.ToolPayload;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.ProtocolJson;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.protocol.TurnItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ShellHandlerTest {

    @TempDir
    Path tmp;
    private ExecFakeTurn turn;
    private ApplyPatchHandler applyPatch;
    private ShellHandler handler;

    @BeforeEach
    void setUp() throws Exception {
        turn = ExecFakeTurn.in(tmp).policies(AskForApproval.NEVER, new SandboxPolicy.DangerFullAccess());
        applyPatch = new ApplyPatchHandler(ApplyPatchHandler.Variant.FREEFORM, new TurnDiffTracker());
        handler = new ShellHandler(applyPatch);
    }

    @AfterEach
    void tearDown() {
        turn.close();
    }

    private ToolResult.Text run(String arguments) throws InterruptedException {
        return (ToolResult.Text) handler.handle(turn.call("call-sh", "shell", arguments));
    }

    @Test
    void anArgvRunsAndAnswersWithJsonOutputAndMetadata() throws Exception {
        ToolResult.Text result = run(args("command", List.of("/bin/echo", "hi")));

        assertThat(result.success()).isTrue();
        JsonNode json = ProtocolJson.tree(result.text());
        assertThat(json.propertyNames()).containsExactly("output", "metadata");
        assertThat(json.get("output").asString()).isEqualTo("hi\n");
        assertThat(json.get("metadata").get("exit_code").asInt()).isZero();
        assertThat(json.get("metadata").get("duration_seconds").isNumber()).isTrue();
        TurnItem.CommandExecution done = turn.completedCommand();
        assertThat(done.command()).containsExactly("/bin/echo", "hi");
        assertThat(done.aggregatedOutput()).isEqualTo("hi\n");
        assertThat(done.source()).isEqualTo(TurnItem.CommandSource.AGENT);
    }

    @Test
    void exitCodesAndWorkdirReachTheModel() throws Exception {
        Files.createDirectories(turn.cwd().resolve("sub"));

        ToolResult.Text result = run(args("command", List.of("bash", "-c", "pwd; exit 7"), "workdir", "sub"));

        assertThat(result.success()).isFalse();
        JsonNode json = ProtocolJson.tree(result.text());
        assertThat(json.get("output").asString()).isEqualTo(turn.cwd().resolve("sub") + "\n");
        assertThat(json.get("metadata").get("exit_code").asInt()).isEqualTo(7);
        assertThat(turn.completedCommand().cwd()).isEqualTo(turn.cwd().resolve("sub").toString());
    }

    @Test
    void theTimeoutAliasKillsTheCommandWithExitCode124() throws Exception {
        ToolResult.Text result = run(args("command", List.of("sleep", "30"), "timeout", 300));

        JsonNode json = ProtocolJson.tree(result.text());
        assertThat(json.get("metadata").get("exit_code").asInt()).isEqualTo(124);
        assertThat(json.get("output").asString()).startsWith("command timed out after ");
    }

    @Test
    void aProgramThatCannotStartIsAnExecutionError() throws Exception {
        ToolResult.Text result = run(args("command", List.of(turn.cwd().resolve("missing-program").toString())));

        assertThat(result.success()).isFalse();
        assertThat(result.text()).startsWith("execution error: ");
        assertThat(turn.completedCommand().status()).isEqualTo(TurnItem.Status.FAILED);
    }

    @Test
    void applyPatchAsArgvIsAppliedAndABarePatchGetsAHint() throws Exception {
        String patch = "*** Begin Patch\n*** Add File: notes.txt\n+first\n*** End Patch";

        ToolResult.Text applied = run(args("command", List.of("apply_patch", patch)));

        assertThat(applied.success()).isTrue();
        assertThat(turn.cwd().resolve("notes.txt")).hasContent("first");
        ToolResult.Text bare = run(args("command", List.of(patch)));
        assertThat(bare.text()).isEqualTo(ApplyPatchInvocation.IMPLICIT_INVOCATION_MESSAGE);
        assertThat(turn.commandItems(EventMsg.ItemStarted.class)).isEmpty();
    }

    @Test
    void localShellActionsRunLikeShell() throws Exception {
        ShellHandler localShell = new ShellHandler(applyPatch, ShellHandler.Alias.LOCAL_SHELL);
        JsonNode action = ProtocolJson.tree("{\"type\":\"exec\",\"command\":[\"/bin/echo\",\"local\"],"
                + "\"working_directory\":\"" + turn.cwd() + "\",\"timeout_ms\":5000}");

        ToolResult.Text result = (ToolResult.Text) localShell.handle(new ToolInvocation("ls-1", "local_shell",
                new ToolPayload.LocalShell(action), turn));

        assertThat(ProtocolJson.tree(result.text()).get("output").asString()).isEqualTo("local\n");
        assertThat(localShell.name()).isEqualTo("local_shell");
        assertThat(localShell.spec()).isEqualTo(ProtocolJson.tree("{\"type\":\"local_shell\"}"));
        assertThat(new ShellHandler(applyPatch, ShellHandler.Alias.CONTAINER_EXEC).spec().get("name").asString())
                .isEqualTo("container.exec");
    }

    @Test
    void malformedArgumentsAreToolArgumentErrors() {
        for (String bad : List.of("not json", args(), args("command", "echo hi"), args("command", List.of()),
                args("command", List.of("")), args("command", List.of("ls", 3)),
                args("command", List.of("ls"), "timeout_ms", "soon"))) {
            assertThatThrownBy(() -> run(bad)).as(bad).isInstanceOf(ToolArgumentException.class)
                    .hasMessageContaining("shell");
        }
        assertThatThrownBy(() -> handler.handle(new ToolInvocation("c", "shell", new ToolPayload.Custom("ls"), turn)))
                .isInstanceOf(ToolArgumentException.class);
        assertThat(turn.events).isEmpty();
    }

    @Test
    void theSpecOffersTheDocumentedParameters() {
        JsonNode params = handler.spec().get("parameters");
        assertThat(handler.spec().get("name").asString()).isEqualTo("shell");
        assertThat(params.get("properties").propertyNames()).containsExactlyInAnyOrder("command", "workdir",
                "timeout_ms", "sandbox_permissions", "justification", "prefix_rule");
        assertThat(params.get("properties").get("command").get("items").get("type").asString()).isEqualTo("string");
        assertThat(params.get("required")).containsExactly(ProtocolJson.tree("\"command\""));
    }
}
