package dev.jcodex.exec;

import static dev.jcodex.exec.Ansi.BOLD;
import static dev.jcodex.exec.Ansi.CYAN;
import static dev.jcodex.exec.Ansi.DIMMED;
import static dev.jcodex.exec.Ansi.GREEN;
import static dev.jcodex.exec.Ansi.ITALIC;
import static dev.jcodex.exec.Ansi.MAGENTA;
import static dev.jcodex.exec.Ansi.RED;
import static dev.jcodex.exec.Ansi.YELLOW;

import dev.jcodex.appserver.protocol.FileUpdateChange;
import dev.jcodex.appserver.protocol.ServerNotification;
import dev.jcodex.appserver.protocol.ThreadItem;
import dev.jcodex.appserver.protocol.ThreadTokenUsage;
import dev.jcodex.appserver.protocol.TurnPlanStep;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain {@code codex exec}: a header and one block per item on stderr (spec §2.5), the final message on stdout.
 */
final class HumanEventProcessor implements EventProcessor {
    private final PrintStream out;
    private final PrintStream err;
    private final Ansi.Painter painter;
    private final ExecOptions options;
    private String finalMessage;
    private boolean finalMessageRendered;
    private boolean emitFinalMessage;
    private ThreadTokenUsage lastUsage;

    HumanEventProcessor(PrintStream out, PrintStream err, ExecOptions options) {
        this.out = out;
        this.err = err;
        this.options = options;
        boolean ansi = switch (options.color()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> options.terminals().stderrIsTerminal();
        };
        this.painter = new Ansi.Painter(ansi);
    }

    @Override
    public void printConfigSummary(SessionHeader header, String prompt) {
        line("OpenAI Codex v" + options.version() + " (research preview)\n--------");
        for (Map.Entry<String, String> entry : header.entries()) {
            line(paint(entry.getKey() + ":", BOLD) + " " + entry.getValue());
        }
        line("--------");
        line(paint("user", CYAN) + "\n" + prompt);
        for (String warning : options.startupWarnings()) {
            line(paint("warning:", YELLOW, BOLD) + " " + warning);
        }
    }

    @Override
    public Status process(ServerNotification notification) {
        switch (notification) {
            case ServerNotification.ConfigWarning w -> line(paint("warning:", YELLOW, BOLD) + " " + w.summary()
                    + (w.details() == null ? "" : " (" + w.details() + ")"));
            case ServerNotification.Warning w -> line(paint("warning:", YELLOW, BOLD) + " " + w.message());
            case ServerNotification.Error e -> line(paint("ERROR:", RED, BOLD) + " " + e.error().message());
            case ServerNotification.DeprecationNotice d -> {
                line(paint("deprecated:", YELLOW, BOLD) + " " + d.summary());
                if (d.details() != null) {
                    line(paint(d.details(), DIMMED));
                }
            }
            case ServerNotification.ItemStarted s -> itemStarted(s.item());
            case ServerNotification.ItemCompleted c -> itemCompleted(c.item());
            case ServerNotification.ModelRerouted r ->
                    line(paint("model rerouted:", YELLOW, BOLD) + " " + r.fromModel() + " -> " + r.toModel());
            case ServerNotification.ThreadTokenUsageUpdated u -> lastUsage = u.tokenUsage();
            case ServerNotification.TurnCompleted c -> {
                turnCompleted(c);
                return Status.SHUTDOWN;
            }
            case ServerNotification.TurnDiffUpdated d -> {
                if (!d.diff().isBlank()) {
                    line(d.diff());
                }
            }
            case ServerNotification.TurnPlanUpdated p -> planUpdated(p);
            case ServerNotification.TurnStarted t -> { }
            case ServerNotification.ThreadStarted t -> { }
            case ServerNotification.AgentMessageDelta d -> { }
            case ServerNotification.ReasoningSummaryTextDelta d -> { }
            case ServerNotification.ReasoningTextDelta d -> { }
            case ServerNotification.CommandExecutionOutputDelta d -> { }
            case ServerNotification.ServerRequestResolved r -> { }
            case ServerNotification.Unknown u -> { }
        }
        return Status.RUNNING;
    }

    private void itemStarted(ThreadItem item) {
        switch (item) {
            case ThreadItem.CommandExecution c ->
                    line(paint("exec", ITALIC, MAGENTA) + "\n" + paint(c.command(), BOLD) + " in " + c.cwd());
            case ThreadItem.McpToolCall m -> line(paint("mcp:", BOLD) + " " + paint(m.server() + "/" + m.tool(), CYAN)
                    + " " + paint("started", DIMMED));
            case ThreadItem.WebSearch w -> line(paint("web search:", BOLD) + " " + w.query());
            case ThreadItem.FileChange f -> line(paint("apply patch", BOLD));
            case ThreadItem.AgentMessage m -> { }
            case ThreadItem.Reasoning r -> { }
            case ThreadItem.UserMessage u -> { }
            case ThreadItem.Plan p -> { }
            case ThreadItem.ImageView i -> { }
            case ThreadItem.ContextCompaction c -> { }
            case ThreadItem.Other o -> { }
        }
    }

    private void itemCompleted(ThreadItem item) {
        switch (item) {
            case ThreadItem.AgentMessage m -> {
                line(paint("codex", ITALIC, MAGENTA) + "\n" + m.text());
                finalMessage = m.text();
                finalMessageRendered = true;
            }
            case ThreadItem.Reasoning r -> {
                List<String> parts = options.reasoningDisplay() == ReasoningDisplay.RAW && !r.content().isEmpty()
                        ? r.content() : r.summary();
                String text = String.join("\n", parts);
                if (options.reasoningDisplay() != ReasoningDisplay.HIDDEN && !parts.isEmpty() && !text.isBlank()) {
                    line(paint(text, DIMMED));
                }
            }
            case ThreadItem.CommandExecution c -> {
                String duration = c.durationMs() == null ? "" : " in " + c.durationMs() + "ms";
                switch (c.status()) {
                    case COMPLETED -> line(paint(" succeeded" + duration + ":", GREEN));
                    case FAILED -> line(paint(" exited " + (c.exitCode() == null ? 1 : c.exitCode()) + duration + ":", RED));
                    case DECLINED -> line(paint(" declined" + duration + ":", YELLOW));
                    case IN_PROGRESS -> line(paint(" in progress" + duration + ":", DIMMED));
                }
                if (c.aggregatedOutput() != null && !c.aggregatedOutput().isBlank()) {
                    line(c.aggregatedOutput());
                }
            }
            case ThreadItem.FileChange f -> {
                line(paint("patch:", BOLD) + " " + switch (f.status()) {
                    case COMPLETED -> "completed";
                    case FAILED -> "failed";
                    case DECLINED -> "declined";
                    case IN_PROGRESS -> "in_progress";
                });
                for (FileUpdateChange change : f.changes()) {
                    line(paint(change.path(), DIMMED));
                }
            }
            case ThreadItem.McpToolCall m -> {
                String status = switch (m.status()) {
                    case COMPLETED -> paint("completed", GREEN);
                    case FAILED -> paint("failed", RED);
                    case IN_PROGRESS -> paint("in_progress", DIMMED);
                };
                line(paint("mcp:", BOLD) + " " + paint(m.server() + "/" + m.tool(), CYAN) + " "
                        + paint("(" + status + ")", DIMMED));
                if (m.error() != null) {
                    line(paint(m.error().message(), RED));
                }
            }
            case ThreadItem.WebSearch w -> line(paint("web search:", BOLD) + " " + w.query());
            case ThreadItem.ContextCompaction c -> line(paint("context compacted", DIMMED));
            case ThreadItem.UserMessage u -> { }
            case ThreadItem.Plan p -> { }
            case ThreadItem.ImageView i -> { }
            case ThreadItem.Other o -> { }
        }
    }

    private void turnCompleted(ServerNotification.TurnCompleted c) {
        switch (c.turn().status()) {
            case COMPLETED -> {
                String rendered = finalMessageRendered ? finalMessage : null;
                FinalMessage.fromTurnItems(c.turn().items()).ifPresent(m -> {
                    finalMessageRendered = m.equals(rendered);
                    finalMessage = m;
                });
                emitFinalMessage = true;
            }
            case FAILED -> {
                dropFinalMessage();
                if (c.turn().error() != null) {
                    line(paint("ERROR:", RED, BOLD) + " " + c.turn().error().message());
                }
            }
            case INTERRUPTED -> {
                dropFinalMessage();
                line(paint("turn interrupted", DIMMED));
            }
            case IN_PROGRESS -> { }
        }
    }

    private void dropFinalMessage() {
        finalMessage = null;
        finalMessageRendered = false;
        emitFinalMessage = false;
    }

    private void planUpdated(ServerNotification.TurnPlanUpdated p) {
        if (p.explanation() != null) {
            line(paint(p.explanation(), ITALIC));
        }
        for (TurnPlanStep step : p.plan()) {
            switch (step.status()) {
                case COMPLETED -> line("  " + paint("✓", GREEN) + " " + step.step());
                case IN_PROGRESS -> line("  " + paint("→", CYAN) + " " + step.step());
                case PENDING -> line("  " + paint("•", DIMMED) + " " + paint(step.step(), DIMMED));
            }
        }
    }

    @Override
    public void printFinalOutput() {
        Path lastMessageFile = options.outputLastMessage();
        if (emitFinalMessage && lastMessageFile != null) {
            LastMessageFile.write(lastMessageFile, finalMessage, err);
        }
        if (lastUsage != null && lastUsage.total() != null) {
            line(paint("tokens used", DIMMED) + "\n" + String.format(Locale.US, "%,d", lastUsage.total().blendedTotal()));
        }
        boolean bothTerminals = options.terminals().stdoutIsTerminal() && options.terminals().stderrIsTerminal();
        if (emitFinalMessage && finalMessage != null) {
            if (!bothTerminals) {
                out.print(finalMessage + "\n");
                out.flush();
            } else if (!finalMessageRendered) {
                line(paint("codex", ITALIC, MAGENTA) + "\n" + finalMessage);
            }
        }
    }

    private String paint(String text, Ansi... styles) {
        return painter.paint(text, styles);
    }

    private void line(String text) {
        err.print(text + "\n");
        err.flush();
    }
}
