package dev.jcodex.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.FileUpdateChange;
import dev.jcodex.appserver.protocol.Methods;
import dev.jcodex.appserver.protocol.PatchApplyStatus;
import dev.jcodex.appserver.protocol.PatchChangeKind;
import dev.jcodex.appserver.protocol.SandboxPolicy;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.TurnPlanStep;
import dev.jcodex.appserver.protocol.TurnStartParams;
import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays each captured reference scenario as a v2 notification script and compares exec's output with the
 * capture: JSONL byte for byte, human stderr/stdout after the documented version-line substitution.
 */
class ReferenceScenariosTest {
    static final String BWRAP = "Codex could not find bubblewrap on PATH. Install bubblewrap with your OS package "
            + "manager. See the sandbox prerequisites: https://developers.openai.com/codex/concepts/sandboxing#prerequisites. "
            + "Codex will use the bundled bubblewrap in the meantime.";
    static final String HIGH_DEMAND = "We’re currently experiencing high demand, which may cause temporary errors.";
    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"},"
            + "\"files\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},\"required\":[\"summary\",\"files\"],"
            + "\"additionalProperties\":false}";
    static final String DIFF = """
            diff --git a/README.md b/README.md
            index aaa4f5b9645909e2b653747dc230e40f790d7e21..7b89275f1a62351f0887a6e2d6edccb0437cd711
            --- a/README.md
            +++ b/README.md
            @@ -1,3 +1,3 @@
            -# Demo project
            +# Demo project (edited)
            \s
             Some text.
            diff --git a/hello.txt b/hello.txt
            new file mode 100644
            index 0000000000000000000000000000000000000000..af5626b4a114abcb82d63db7c8082c3c4756e51b
            --- /dev/null
            +++ b/hello.txt
            @@ -0,0 +1 @@
            +Hello, world!
            """;

    /** A captured scenario: thread ids of the JSON and human runs, model, sandbox, prompt and turn script. */
    record Scenario(String name, String jsonThread, String humanThread, String model, String provider,
            SandboxPolicy sandbox, String prompt, int exitCode, boolean humanComparable, boolean bwrapWarning,
            Consumer<ExecOptions.Builder> options, Script script) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The turn's notifications on a given thread. */
    interface Script {
        void write(Fixtures.Script s);
    }

    static Scenario plain(String name, String json, String human, String model, String prompt, String reply) {
        return new Scenario(name, json, human, model, "mock", Fixtures.READ_ONLY, prompt, 0, true, true, o -> { },
                s -> s.turnStarted().userMessage(prompt).agentMessage(reply).usage(100, 20, 100, 20).turnCompleted());
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                plain("a_plain_reply", "01a1ff18-51e6-76d2-941e-75db722334eb", "01a1ff18-54bc-7842-a5d1-951a9ec2f203",
                        "gpt-6.1-sol", "Say hello.", "Hello from the mock model."),
                plain("a2_plain_reply_gpt55", "01a1ff18-4bda-71e3-b7a1-d787bfb01ddc",
                        "01a1ff18-4ef3-7b00-a81f-5d85e2d4de86", "gpt-5.5", "Say hello.", "Hello from the mock model."),
                new Scenario("a2_plain_reply_gpt55_openai_provider", "01a1ff18-9e1d-7830-93fd-d91b45b2798c",
                        "01a1ff18-a14a-7c02-b5c5-50873fe0e8fd", "gpt-5.5", "openai", Fixtures.READ_ONLY, "Say hello.", 0,
                        false, true, o -> { }, s -> s.turnStarted().userMessage("Say hello.")
                                .agentMessage("Hello from the mock model.").usage(100, 20, 100, 20).turnCompleted()),
                shell("b_shell_echo", "01a1ff18-5e73-71e1-99f3-779a929957d0", "01a1ff18-6189-70f1-a65f-18acc84b0968",
                        "gpt-5.5", true),
                shell("b2_code_mode_exec", "01a1ff18-57a4-7ec0-8bc2-b86cbd64e399", "01a1ff18-5b28-74e0-9d12-7b82fd9d7b08",
                        "gpt-6.1-sol", false),
                new Scenario("c_apply_patch", "01a1ff18-64a4-75c0-b1dc-0433555b0266", "01a1ff18-68f4-7e01-9053-add022cfa1be",
                        "gpt-5.5", "mock", Fixtures.WORKSPACE_WRITE, "Create hello.txt and update the README title.", 0,
                        true, true, o -> { }, s -> s.turnStarted().userMessage("Create hello.txt and update the README title.")
                                .patch(List.of(
                                        new FileUpdateChange("$WORKDIR/README.md", new PatchChangeKind.Update(null), "@@"),
                                        new FileUpdateChange("$WORKDIR/hello.txt", new PatchChangeKind.Add(), "+Hello, world!\n")),
                                        PatchApplyStatus.COMPLETED)
                                .notify(new ServerNotification.TurnDiffUpdated(thread(s), Fixtures.TURN, DIFF))
                                .usage(100, 20, 100, 20)
                                .agentMessage("Created hello.txt and updated README.md.")
                                .usage(200, 40, 100, 20).turnCompleted()),
                new Scenario("d_update_plan", "01a1ff18-6d2e-73a1-9ea0-a6a333e149ba", "01a1ff18-6fd0-7782-8198-adf86809df11",
                        "gpt-5.5", "mock", Fixtures.READ_ONLY, "Make a plan for adding a greeting feature.", 0, true, true,
                        o -> { }, s -> s.turnStarted().userMessage("Make a plan for adding a greeting feature.")
                                .notify(plan(s, "Initial plan", TurnPlanStep.Status.IN_PROGRESS, TurnPlanStep.Status.PENDING,
                                        TurnPlanStep.Status.PENDING))
                                .usage(100, 20, 100, 20)
                                .notify(plan(s, null, TurnPlanStep.Status.COMPLETED, TurnPlanStep.Status.COMPLETED,
                                        TurnPlanStep.Status.IN_PROGRESS))
                                .usage(200, 40, 100, 20)
                                .agentMessage("Plan done.").usage(300, 60, 100, 20).turnCompleted()),
                plain("e_retry_500", "01a1ff18-8847-7cb3-9e72-0d92ebbea096", "01a1ff18-8c77-7ce3-89a0-c776b5723c38",
                        "gpt-5.5", "Say hello despite a server error.", "Hello after a retry."),
                retry("e2_retry_429", "01a1ff18-72b6-7123-ac20-40d4c217d280", "01a1ff18-79b1-7f20-a597-c42ffb6b763b",
                        "Say hello despite rate limiting.", "exceeded retry limit, last status: 429 Too Many Requests",
                        "Hello after rate limit."),
                retry("e3_stream_disconnect", "01a1ff18-80c4-75b3-97f1-ad6427dfe5d4", "01a1ff18-848f-7182-a011-481aa0b40da0",
                        "Say hello despite a dropped stream.",
                        "stream disconnected before completion: Transport error: network error: error decoding response body",
                        "Hello after a dropped stream."),
                new Scenario("e4_persistent_500", "01a1ff1e-9b52-7842-bf4e-0a5e57208351", "01a1ff1e-fcdd-7f83-9128-4eb7304340f2",
                        "gpt-5.5", "mock", Fixtures.READ_ONLY, "Say hello to a broken server.", 1, true, false, o -> { },
                        s -> {
                            s.turnStarted().userMessage("Say hello to a broken server.");
                            for (int i = 1; i <= 5; i++) {
                                s.error("Reconnecting... " + i + "/5", HIGH_DEMAND, true);
                            }
                            s.error(HIGH_DEMAND, null, false).turnFailed(HIGH_DEMAND);
                        }),
                new Scenario("f_output_schema", "01a1ff18-910d-70b3-8498-a962eff8cf21", "01a1ff18-940d-7620-a706-7a296e342c86",
                        "gpt-5.5", "mock", Fixtures.READ_ONLY, "Summarize this repo as JSON.", 0, true, true,
                        o -> o.outputSchema(ProtocolJson.tree(SCHEMA)), s -> s.turnStarted()
                                .userMessage("Summarize this repo as JSON.")
                                .agentMessage("{\"summary\":\"A scratch repo\",\"files\":[\"README.md\"]}")
                                .usage(100, 20, 100, 20).turnCompleted()),
                new Scenario("g_unadvertised_shell_tool", "01a1ff18-96f2-7492-ac55-30ac617f27a1",
                        "01a1ff18-9a37-7763-942d-f6ac14e6675d", "gpt-5.5", "mock", Fixtures.READ_ONLY,
                        "Run echo hi with the legacy shell tools.", 0, false, true, o -> { },
                        s -> s.turnStarted().userMessage("Run echo hi with the legacy shell tools.")
                                .usage(100, 20, 100, 20).usage(200, 40, 100, 20)
                                .agentMessage("Done with legacy tools.").usage(300, 60, 100, 20).turnCompleted()));
    }

    static Scenario shell(String name, String json, String human, String model, boolean withReasoning) {
        String prompt = "Run echo hi and tell me what it printed.";
        return new Scenario(name, json, human, model, "mock", Fixtures.READ_ONLY, prompt, 0, true, true, o -> { }, s -> {
            s.turnStarted().userMessage(prompt);
            if (withReasoning) {
                s.reasoning("Planning to run echo.");
            }
            s.command("/bin/bash -lc 'echo hi'", "hi\n", 0, 0).usage(100, 20, 100, 20)
                    .agentMessage("The command printed: hi").usage(200, 40, 100, 20).turnCompleted();
        });
    }

    static Scenario retry(String name, String json, String human, String prompt, String details, String reply) {
        return new Scenario(name, json, human, "gpt-5.5", "mock", Fixtures.READ_ONLY, prompt, 0, true, true, o -> { },
                s -> s.turnStarted().userMessage(prompt).error("Reconnecting... 1/5", details, true)
                        .agentMessage(reply).usage(100, 20, 100, 20).turnCompleted());
    }

    private static String thread(Fixtures.Script s) {
        return s.threadId();
    }

    private static ServerNotification plan(Fixtures.Script s, String explanation, TurnPlanStep.Status... statuses) {
        List<String> steps = List.of("Inspect the code", "Add the greeting", "Test it");
        return new ServerNotification.TurnPlanUpdated(s.threadId(), Fixtures.TURN, explanation,
                java.util.stream.IntStream.range(0, 3).mapToObj(i -> new TurnPlanStep(steps.get(i), statuses[i])).toList());
    }

    private static ExecHarness.Run run(Scenario sc, OutputMode mode, String threadId) throws Exception {
        Fixtures.Script script = new Fixtures.Script(threadId);
        sc.script().write(script);
        ExecOptions.Builder options = ExecOptions.builder(Path.of(Fixtures.WORKDIR))
                .prompt(sc.prompt()).outputMode(mode).color(ColorMode.AUTO).skipGitRepoCheck(true)
                .model(sc.model()).startupWarnings(sc.bwrapWarning() ? List.of(BWRAP) : List.of());
        sc.options().accept(options);
        ExecHarness harness = new ExecHarness(Fixtures.started(threadId, sc.model(), sc.provider(), sc.sandbox()),
                script.steps());
        ExecHarness.Run result = harness.stdin("").run(options.build());
        if (sc.name().equals("f_output_schema")) {
            TurnStartParams params = harness.server().request(Methods.TURN_START).paramsAs(TurnStartParams.class);
            assertThat(params.outputSchema()).isEqualTo(ProtocolJson.tree(SCHEMA));
        }
        return result;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void jsonlOutputEqualsTheReferenceByteForByte(Scenario sc) throws Exception {
        ExecHarness.Run run = run(sc, OutputMode.JSONL, sc.jsonThread());
        assertThat(run.stdout()).isEqualTo(reference(sc, "stdout.jsonl"));
        if (sc.humanComparable()) {
            assertThat(run.stderr()).isEqualTo(reference(sc, "stderr-json-mode.txt"));
        }
        assertThat(run.exitCode()).isEqualTo(sc.exitCode());
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void humanOutputEqualsTheReference(Scenario sc) throws Exception {
        ExecHarness.Run run = run(sc, OutputMode.HUMAN, sc.humanThread());
        assertThat(run.stdout()).isEqualTo(reference(sc, "stdout-human.txt"));
        if (sc.humanComparable()) {
            String expected = reference(sc, "stderr-human-mode.txt")
                    .replace("OpenAI Codex v0.169.0\n", "OpenAI Codex v0.1.0 (research preview)\n");
            assertThat(run.stderr()).isEqualTo(expected);
        }
        assertThat(run.exitCode()).isEqualTo(sc.exitCode());
    }

    static String reference(Scenario sc, String file) throws IOException {
        try (InputStream in = ReferenceScenariosTest.class.getClassLoader()
                .getResourceAsStream("golden/reference/" + sc.name() + "/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
