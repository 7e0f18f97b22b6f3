package dev.jcodex.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.process.ExecRequest;
import dev.jcodex.process.OutputListener;
import dev.jcodex.process.StreamKind;
import dev.jcodex.protocol.AskForApproval;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.sandbox.SandboxMechanism;
import dev.jcodex.sandbox.SandboxPlan;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolOrchestratorTest {

    private static final ExecRequest BASE = ExecRequest.of(List.of("/bin/bash", "-lc", "ls"), Path.of("/work"),
            Map.of("PATH", "/bin"));

    @Test
    void onlyUntrustedAndOnFailureOfferToRetryWithoutTheSandbox() {
        assertThat(Arrays.stream(AskForApproval.values()).filter(ToolOrchestrator::wantsNoSandboxApproval))
                .containsExactlyInAnyOrder(AskForApproval.UNTRUSTED, AskForApproval.ON_FAILURE);
    }

    @Test
    void aWrapperPlanPrefixesTheArgvAndAddsItsVariables() {
        ExecRequest prepared = ToolOrchestrator.prepare(BASE, new SandboxPlan.WrapArgv(SandboxMechanism.BUBBLEWRAP,
                List.of("bwrap", "--ro-bind", "/", "/", "--"), Map.of("CODEX_SANDBOX_NETWORK_DISABLED", "1")));

        assertThat(prepared.argv()).containsExactly("bwrap", "--ro-bind", "/", "/", "--", "/bin/bash", "-lc", "ls");
        assertThat(prepared.env()).containsEntry("PATH", "/bin").containsEntry("CODEX_SANDBOX_NETWORK_DISABLED", "1");
        assertThat(prepared.confinement()).isSameAs(SpawnConfinement.NONE);
    }

    @Test
    void aConfinePlanKeepsTheArgvAndSetsTheConfinement() {
        SpawnConfinement confinement = () -> {};
        ExecRequest prepared = ToolOrchestrator.prepare(BASE, new SandboxPlan.Confine(confinement, Map.of()));

        assertThat(prepared.argv()).isEqualTo(BASE.argv());
        assertThat(prepared.confinement()).isSameAs(confinement);
        assertThat(ToolOrchestrator.prepare(BASE, new SandboxPlan.RunPlain(Map.of()))).isEqualTo(BASE);
    }

    @Test
    void deltasDecodeUtf8SplitAcrossChunksAndTheItemCompletesOnce() {
        List<EventMsg> events = new ArrayList<>();
        TurnServices turn = (TurnServices) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TurnServices.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "emit" -> {
                        events.add((EventMsg) args[0]);
                        yield null;
                    }
                    case "turnId" -> "t";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        CommandItem item = CommandItem.start(turn, "c", List.of("echo"), Path.of("/w"),
                TurnItem.CommandSource.AGENT);
        OutputListener listener = item.newAttempt();
        byte[] bytes = "é!".getBytes(StandardCharsets.UTF_8);

        listener.onOutput(StreamKind.STDOUT, new byte[] {bytes[0]});
        listener.onOutput(StreamKind.STDOUT, new byte[] {bytes[1], bytes[2]});
        item.completeWithExit(0, "é!");
        item.completeWithoutExit(TurnItem.Status.FAILED, "late");
        listener.onOutput(StreamKind.STDOUT, "ignored".getBytes(StandardCharsets.UTF_8));

        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isEqualTo(new EventMsg.CommandOutputDelta("t", "c", "é!"));
        assertThat(((EventMsg.ItemCompleted) events.get(2)).item()).isInstanceOfSatisfying(
                TurnItem.CommandExecution.class, c -> assertThat(c.status()).isEqualTo(TurnItem.Status.COMPLETED));
        assertThat(item.accumulatedOutput()).isEqualTo("é!");
    }
}
