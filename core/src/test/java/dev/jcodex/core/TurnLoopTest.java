package dev.jcodex.core;

import static dev.jcodex.core.CoreHarness.prompt;
import static dev.jcodex.core.CoreHarness.untilTurnEnd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.config.ConfigOverrides;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.Op;
import dev.jcodex.protocol.ResponseItem;
import dev.jcodex.protocol.SandboxMode;
import dev.jcodex.protocol.TurnItem;
import dev.jcodex.testkit.CapturedRequest;
import dev.jcodex.testkit.MockResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TurnLoopTest {
    CoreHarness h;

    @BeforeEach
    void setUp() throws Exception {
        h = new CoreHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void plainReplyRequestShapeAndEvents() throws Exception {
        h.mock.enqueue(MockResponse.sse().message("Hello from the mock model.").build());
        CodexThread thread = h.start();
        String turnId = thread.submit(prompt("Say hello."));
        List<EventMsg> events = untilTurnEnd(thread);

        assertThat(events.getFirst()).isEqualTo(new EventMsg.TaskStarted(turnId, 272_000L));
        assertThat(events).filteredOn(e -> e instanceof EventMsg.ItemCompleted)
                .extracting(e -> ((EventMsg.ItemCompleted) e).item().getClass().getSimpleName())
                .containsExactly("UserMessage", "AgentMessage");
        assertThat(events.getLast()).isEqualTo(new EventMsg.TaskComplete(turnId, "Hello from the mock model."));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(EventMsg.TokenCount.class));

        JsonNode body = h.mock.modelRequests().getFirst().bodyJson();
        assertThat(body.path("model").asString()).isEqualTo("gpt-5.5");
        assertThat(body.path("store").asBoolean()).isFalse();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("prompt_cache_key").asString()).isEqualTo(thread.id());
        assertThat(body.path("reasoning").path("effort").asString()).isEqualTo("medium");
        assertThat(body.path("text").path("verbosity").asString()).isEqualTo("low");
        JsonNode input = body.path("input");
        assertThat(input.size()).isEqualTo(4);
        assertThat(input.get(0).path("role").asString()).isEqualTo("developer");
        assertThat(input.get(0).path("content").get(0).path("text").asString()).startsWith("You are Codex");
        assertThat(input.get(1).path("content").get(0).path("text").asString()).startsWith("<permissions instructions>");
        assertThat(input.get(2).path("role").asString()).isEqualTo("user");
        assertThat(input.get(2).path("content").get(0).path("text").asString())
                .startsWith("<environment_context>\n  <cwd>" + h.workdir + "</cwd>");
        assertThat(input.get(3).path("content").get(0).path("text").asString()).isEqualTo("Say hello.");
        List<String> tools = StreamSupport.stream(body.path("tools").spliterator(), false)
                .map(t -> t.path("name").asString(t.path("type").asString())).toList();
        assertThat(tools).contains("update_plan", "apply_patch", "web_search");
        assertThat(thread.turns()).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo(TurnRecord.Status.COMPLETED));
    }

    @Test
    void secondTurnCarriesTheFirstTurnsItemsAndNoSecondInitialContext() throws Exception {
        h.mock.enqueue(MockResponse.sse().message("first").build(), MockResponse.sse().message("second").build());
        CodexThread thread = h.start();
        thread.submit(prompt("one"));
        untilTurnEnd(thread);
        thread.submit(prompt("two"));
        untilTurnEnd(thread);
        JsonNode input = h.mock.modelRequests().get(1).bodyJson().path("input");
        List<String> texts = StreamSupport.stream(input.spliterator(), false)
                .map(i -> i.path("content").path(0).path("text").asString("")).toList();
        assertThat(texts.subList(3, texts.size())).containsExactly("one", "first", "two");
        assertThat(texts.stream().filter(t -> t.startsWith("<environment_context>")).count()).isEqualTo(1);
    }

    @Test
    void applyPatchToolEditsFilesAndReportsToTheModel() throws Exception {
        Files.writeString(h.workdir.resolve("README.md"), "# Demo\n");
        String patch = "*** Begin Patch\n*** Add File: hello.txt\n+Hello, world!\n*** Update File: README.md\n"
                + "@@\n-# Demo\n+# Demo (edited)\n*** End Patch";
        h.mock.enqueue(MockResponse.sse().customToolCall("call_patch", "apply_patch", patch).build(),
                MockResponse.sse().message("Done.").build());
        CodexThread thread = h.manager.start(h.config(b -> b.sandboxMode(SandboxMode.WORKSPACE_WRITE)),
                new ThreadOptions(false, "exec"));
        thread.submit(prompt("edit"));
        List<EventMsg> events = untilTurnEnd(thread);

        assertThat(Files.readString(h.workdir.resolve("hello.txt"))).isEqualTo("Hello, world!\n");
        assertThat(Files.readString(h.workdir.resolve("README.md"))).isEqualTo("# Demo (edited)\n");
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EventMsg.ItemCompleted.class,
                c -> assertThat(c.item()).isInstanceOf(TurnItem.FileChange.class)));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(EventMsg.TurnDiff.class));
        assertThat(toolOutput(h.mock.modelRequests().get(1), "call_patch"))
                .contains("Success. Updated the following files:", "A hello.txt", "M README.md");
    }

    @Test
    void unadvertisedToolGetsUnsupportedCall() throws Exception {
        h.mock.enqueue(MockResponse.sse().functionCall("call_shell", "shell",
                        "{\"command\":[\"bash\",\"-lc\",\"echo hi\"]}").build(),
                MockResponse.sse().message("ok").build());
        CodexThread thread = h.start();
        thread.submit(prompt("legacy"));
        untilTurnEnd(thread);
        assertThat(toolOutput(h.mock.modelRequests().get(1), "call_shell")).isEqualTo("unsupported call: shell");
    }

    @Test
    void malformedArgumentsReachTheModelAndTheTurnContinues() throws Exception {
        h.mock.enqueue(MockResponse.sse().functionCall("call_plan", "update_plan", "{not json").build(),
                MockResponse.sse().message("recovered").build());
        CodexThread thread = h.start();
        thread.submit(prompt("plan"));
        List<EventMsg> events = untilTurnEnd(thread);
        assertThat(toolOutput(h.mock.modelRequests().get(1), "call_plan"))
                .startsWith("failed to parse function arguments for update_plan");
        assertThat(events.getLast()).isInstanceOfSatisfying(EventMsg.TaskComplete.class,
                c -> assertThat(c.lastAgentMessage()).isEqualTo("recovered"));
    }

    @Test
    void droppedStreamIsRetriedWithAReconnectingNotice() throws Exception {
        h.mock.enqueue(MockResponse.sse().message("partial").disconnect().build(),
                MockResponse.sse().message("Hello after a dropped stream.").build());
        CodexThread thread = h.start();
        thread.submit(prompt("hi"));
        List<EventMsg> events = untilTurnEnd(thread);
        assertThat(events).filteredOn(e -> e instanceof EventMsg.Error).singleElement()
                .isInstanceOfSatisfying(EventMsg.Error.class, e -> {
                    assertThat(e.willRetry()).isTrue();
                    assertThat(e.message()).isEqualTo("Reconnecting... 1/2");
                    assertThat(e.additionalDetails()).startsWith("stream disconnected before completion");
                });
        assertThat(events.getLast()).isInstanceOfSatisfying(EventMsg.TaskComplete.class,
                c -> assertThat(c.lastAgentMessage()).isEqualTo("Hello after a dropped stream."));
    }

    @Test
    void persistentFailureEndsTheTurnAsFailed() throws Exception {
        for (int i = 0; i < 3; i++) {
            h.mock.enqueue(MockResponse.sse().disconnect().build());
        }
        CodexThread thread = h.start();
        thread.submit(prompt("hi"));
        List<EventMsg> events = untilTurnEnd(thread);
        List<EventMsg.Error> errors = events.stream().filter(e -> e instanceof EventMsg.Error)
                .map(e -> (EventMsg.Error) e).toList();
        assertThat(errors).extracting(EventMsg.Error::willRetry).containsExactly(true, true, false);
        assertThat(thread.turns().getLast().status()).isEqualTo(TurnRecord.Status.FAILED);
        assertThat(h.mock.modelRequests()).hasSize(3);
    }

    @Test
    void interruptAbortsAStalledTurn() throws Exception {
        h.mock.enqueue(MockResponse.sse().stall().build(), MockResponse.sse().message("after").build());
        CodexThread thread = h.start();
        String turnId = thread.submit(prompt("wait"));
        h.mock.awaitRequests(1, Duration.ofSeconds(10));
        thread.submit(new Op.Interrupt());
        List<EventMsg> events = untilTurnEnd(thread);
        assertThat(events.getLast()).isEqualTo(new EventMsg.TurnAborted(turnId, EventMsg.AbortReason.INTERRUPTED));
        assertThat(thread.history().getLast()).isInstanceOfSatisfying(ResponseItem.Message.class,
                m -> assertThat(m.joinedText()).startsWith("<turn_aborted>"));
        thread.submit(prompt("again"));
        assertThat(untilTurnEnd(thread).getLast()).isInstanceOf(EventMsg.TaskComplete.class);
    }

    @Test
    void resumedThreadSendsItsHistory() throws Exception {
        h.mock.enqueue(MockResponse.sse().message("first answer").build(),
                MockResponse.sse().message("second answer").build());
        CodexThread thread = h.start();
        thread.submit(prompt("first question"));
        untilTurnEnd(thread);
        var path = thread.info().rolloutPath();
        assertThat(path).isRegularFile();
        h.manager.remove(thread.id());

        try (ThreadManager second = new ThreadManager(h.manager.environment())) {
            CodexThread resumed = second.resume(h.config(), path, new ThreadOptions(false, "exec"));
            assertThat(resumed.id()).isEqualTo(thread.id());
            resumed.submit(prompt("second question"));
            untilTurnEnd(resumed);
        }
        JsonNode input = h.mock.modelRequests().get(1).bodyJson().path("input");
        List<String> texts = StreamSupport.stream(input.spliterator(), false)
                .map(i -> i.path("content").path(0).path("text").asString("")).toList();
        assertThat(texts).containsSubsequence("first question", "first answer", "second question");
        assertThat(texts.stream().filter(t -> t.startsWith("<environment_context>")).count()).isEqualTo(1);
    }

    @Test
    void ephemeralThreadWritesNoRollout() throws Exception {
        h.mock.enqueue(MockResponse.sse().message("hi").build());
        CodexThread thread = h.manager.start(h.config(), new ThreadOptions(true, "exec"));
        thread.submit(prompt("hi"));
        untilTurnEnd(thread);
        assertThat(thread.info().rolloutPath()).isNull();
        assertThat(h.home.path().resolve("sessions")).doesNotExist();
    }

    @Test
    void missingCredentialsFailBeforeAnyRequest() {
        CoreHarness.class.getName();
        var config = h.config();
        try (ThreadManager noKey = new ThreadManager(CoreEnvironment.of(h.home.path(), java.util.Map.of(),
                "codex_exec", "0"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> noKey.start(config,
                    new ThreadOptions(true, "exec"))).isInstanceOf(CoreException.class)
                    .hasMessageContaining("MOCK_API_KEY");
        }
        assertThat(h.mock.requests()).isEmpty();
    }

    static String toolOutput(CapturedRequest request, String callId) {
        for (JsonNode item : request.bodyJson().path("input")) {
            if (callId.equals(item.path("call_id").asString(null)) && item.has("output")) {
                JsonNode out = item.path("output");
                return out.isString() ? out.asString() : out.toString();
            }
        }
        throw new AssertionError("no output for " + callId);
    }

    @SuppressWarnings("unused")
    private static ConfigOverrides none() {
        return ConfigOverrides.builder().build();
    }
}
