package dev.jcodex.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.appserver.protocol.CommandExecutionStatus;
import dev.jcodex.appserver.protocol.McpToolCallError;
import dev.jcodex.appserver.protocol.McpToolCallStatus;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadTokenUsage;
import dev.jcodex.appserver.protocol.TokenUsageBreakdown;
import dev.jcodex.appserver.protocol.Turn;
import dev.jcodex.appserver.protocol.TurnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HumanEventProcessorTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private HumanEventProcessor processor(ExecOptions.Builder options) {
        return new HumanEventProcessor(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), options.build());
    }

    private static ExecOptions.Builder options() {
        return ExecOptions.builder(Path.of("/w")).color(ColorMode.NEVER);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static ServerNotification done(ThreadItem item) {
        return new ServerNotification.ItemCompleted(item, "t", "u");
    }

    private static ServerNotification turnCompleted() {
        return new ServerNotification.TurnCompleted("t", Turn.of("u", List.of(), TurnStatus.COMPLETED));
    }

    @Test
    void colourAlwaysStylesTheTranscriptWithAnsi() {
        HumanEventProcessor p = processor(options().color(ColorMode.ALWAYS));
        p.printConfigSummary(new SessionHeader("t", List.of(Map.entry("model", "gpt-5.5"))), "hi");
        p.process(new ServerNotification.ItemStarted(Fixtures.commandItem("c", "ls", CommandExecutionStatus.IN_PROGRESS,
                null, null, null), "t", "u"));
        assertThat(stderr()).isEqualTo("OpenAI Codex v0.1.0 (research preview)\n--------\n"
                + "\u001b[1mmodel:\u001b[0m gpt-5.5\n--------\n\u001b[36muser\u001b[0m\nhi\n"
                + "\u001b[35m\u001b[3mexec\u001b[0m\u001b[0m\n\u001b[1mls\u001b[0m in $WORKDIR\n");
    }

    @Test
    void colourAutoFollowsWhetherStderrIsATerminal() {
        processor(options().color(ColorMode.AUTO).terminals(new Terminals(false, true)))
                .process(new ServerNotification.Warning(null, "w"));
        processor(options().color(ColorMode.AUTO).terminals(new Terminals(true, false)))
                .process(new ServerNotification.Warning(null, "w"));
        assertThat(stderr()).isEqualTo("\u001b[1m\u001b[33mwarning:\u001b[0m\u001b[0m w\nwarning: w\n");
    }

    @Test
    void commandOutcomesAndOtherItemsRender() {
        HumanEventProcessor p = processor(options());
        p.process(done(Fixtures.commandItem("c1", "false", CommandExecutionStatus.FAILED, "", 2, 7L)));
        p.process(done(Fixtures.commandItem("c2", "rm x", CommandExecutionStatus.DECLINED, null, null, null)));
        p.process(new ServerNotification.ItemStarted(new ThreadItem.McpToolCall("m", "docs", "search",
                McpToolCallStatus.IN_PROGRESS, null, null, null, null, null), "t", "u"));
        p.process(done(new ThreadItem.McpToolCall("m", "docs", "search", McpToolCallStatus.FAILED, null, null, null,
                new McpToolCallError("timeout"), null)));
        p.process(done(new ThreadItem.WebSearch("w", "java records", null)));
        p.process(done(new ThreadItem.ContextCompaction("cc")));
        p.process(new ServerNotification.DeprecationNotice("old", "new"));
        p.process(new ServerNotification.ModelRerouted("t", "u", "a", "b", "r"));
        p.process(new ServerNotification.ConfigWarning("bad", "why", null, null));
        assertThat(stderr()).isEqualTo(" exited 2 in 7ms:\n declined:\nmcp: docs/search started\n"
                + "mcp: docs/search (failed)\ntimeout\nweb search: java records\ncontext compacted\n"
                + "deprecated: old\nnew\nmodel rerouted: a -> b\nwarning: bad (why)\n");
    }

    @Test
    void reasoningShowsSummaryRawContentOrNothing() {
        ThreadItem.Reasoning r = new ThreadItem.Reasoning("r", List.of("summary"), List.of("raw", "thoughts"));
        processor(options()).process(done(r));
        processor(options().reasoningDisplay(ReasoningDisplay.RAW)).process(done(r));
        processor(options().reasoningDisplay(ReasoningDisplay.HIDDEN)).process(done(r));
        processor(options().reasoningDisplay(ReasoningDisplay.RAW))
                .process(done(new ThreadItem.Reasoning("r", List.of("only summary"), List.of())));
        assertThat(stderr()).isEqualTo("summary\nraw\nthoughts\nonly summary\n");
    }

    @Test
    void tokensUsedIsTheBlendedTotalWithThousandsSeparators() {
        HumanEventProcessor p = processor(options());
        p.process(new ServerNotification.ThreadTokenUsageUpdated("t", "u", new ThreadTokenUsage(
                new TokenUsageBreakdown(0, 1_250_000, 24_448, 2_122, 64, 0), TokenUsageBreakdown.ZERO, null)));
        p.process(turnCompleted());
        p.printFinalOutput();
        assertThat(stderr()).isEqualTo("tokens used\n1,227,674\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withBothStreamsOnATerminalTheFinalMessageIsNotRepeatedOnStdout() {
        HumanEventProcessor p = processor(options().terminals(new Terminals(true, true)));
        p.process(done(ThreadItem.AgentMessage.of("a", "answer")));
        p.process(turnCompleted());
        p.printFinalOutput();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(stderr()).isEqualTo("codex\nanswer\n");
    }

    @Test
    void aFinalMessageOnlyInTheTurnItemsIsShownOnTheTerminal() {
        HumanEventProcessor p = processor(options().terminals(new Terminals(true, true)));
        p.process(new ServerNotification.TurnCompleted("t", Turn.of("u", List.of(new ThreadItem.Plan("p", "the plan")),
                TurnStatus.COMPLETED)));
        p.printFinalOutput();
        assertThat(stderr()).isEqualTo("codex\nthe plan\n");
    }

    @Test
    void aPipedStdoutGetsTheFinalMessage() {
        HumanEventProcessor p = processor(options().terminals(new Terminals(false, true)));
        p.process(done(ThreadItem.AgentMessage.of("a", "answer")));
        p.process(turnCompleted());
        p.printFinalOutput();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("answer\n");
    }
}
