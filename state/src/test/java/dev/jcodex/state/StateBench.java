package dev.jcodex.state;

import dev.jcodex.protocol.ContentItem;
import dev.jcodex.protocol.FunctionCallOutputPayload;
import dev.jcodex.protocol.ResponseItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark driver used by {@code state/bench.sh} (not a unit test). Modes:
 * <ul>
 *   <li>{@code generate <file> <lines> <compactEvery|0>}: writes a rollout of realistic turns;</li>
 *   <li>{@code resume <file>}: rebuilds its history once and prints {@code resume_ms=… items=…};</li>
 *   <li>{@code index <codexHome> <threads>}: fills a thread index (once) and prints the first-use cost and the
 *       median {@code findLatest} time.</li>
 * </ul>
 */
public final class StateBench {
    private StateBench() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "resume" -> resume(Path.of(args[1]));
            case "index" -> index(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void generate(Path file, int lines, int compactEvery) {
        String output = "line of command output that goes on for a while\n".repeat(30);
        String reasoning = "Thinking about the next step. ".repeat(20);
        long start = System.nanoTime();
        int written = 1;
        int turn = 0;
        try (RolloutWriter w = RolloutWriter.create(file, Fixtures.meta(Fixtures.THREAD_ID),
                RolloutWriter.FileCreation.EAGER, Clock.systemUTC(), RolloutWriter.DEFAULT_QUEUE_CAPACITY)) {
            List<ResponseItem> recent = new ArrayList<>();
            while (written < lines) {
                String turnId = "turn-" + turn++;
                List<RolloutItem> items = new ArrayList<>();
                items.add(Fixtures.taskStarted(turnId));
                items.add(Fixtures.context(turnId, "gpt-5.5"));
                items.add(Fixtures.user("Please fix the failing test number " + turn + " in module state."));
                items.add(new RolloutItem.Event(Fixtures.event("user_message", Map.of("message", "fix " + turn))));
                for (int call = 0; call < 3; call++) {
                    String callId = "call_" + turn + "_" + call;
                    items.add(new RolloutItem.Response(new ResponseItem.Reasoning("rs_" + callId,
                            List.of(ResponseItem.SummaryText.of("Planning " + call)), null, reasoning)));
                    items.add(Fixtures.call(callId));
                    items.add(new RolloutItem.Response(new ResponseItem.FunctionCallOutput("fco_" + callId, callId,
                            FunctionCallOutputPayload.text(output))));
                    items.add(new RolloutItem.Event(Fixtures.event("token_count", Map.of("total", 1000 * turn))));
                }
                items.add(new RolloutItem.Response(ResponseItem.Message.of("assistant",
                        List.of(new ContentItem.OutputText("Fixed test " + turn + ".")))));
                items.add(Fixtures.taskComplete(turnId));
                for (RolloutItem item : items) {
                    w.append(item);
                    if (item instanceof RolloutItem.Response r) {
                        recent.add(r.item());
                    }
                }
                written += items.size();
                if (compactEvery > 0 && written / compactEvery != (written - items.size()) / compactEvery) {
                    List<ResponseItem> kept = new ArrayList<>(recent.subList(Math.max(0, recent.size() - 20),
                            recent.size()));
                    kept.add(ResponseItem.Message.text("user", "summary of turns so far"));
                    w.append(Compacted.of("summary of turns so far", kept));
                    written++;
                    recent.clear();
                }
            }
            w.sync();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        try {
            System.out.printf("generate_ms=%.0f lines=%d bytes=%d%n", ms, written, Files.size(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void resume(Path file) throws Exception {
        long start = System.nanoTime();
        ReconstructedThread thread = HistoryReconstruction.rebuild(file);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("resume_ms=%.0f items=%d%n", ms, thread.history().size());
    }

    private static void index(Path home, int threads) {
        Path db = home.resolve(ThreadIndex.DB_FILE_NAME);
        if (!Files.exists(db)) {
            long fill = System.nanoTime();
            try (ThreadIndex index = ThreadIndex.open(home)) {
                for (int n = 0; n < threads; n++) {
                    Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 60L);
                    String id = String.format("01a1ff18-0000-7000-8000-%012d", n);
                    index.upsert(new ThreadRecord(id, home.resolve("sessions/r" + n + ".jsonl"), "/work/p" + (n % 50),
                            null, "prompt " + n, "gpt-5.5", n % 3 == 0 ? "ollama" : "openai", "cli", "0.1.0", null,
                            null, null, null, t, t, null));
                }
            }
            System.out.printf("index_fill_ms=%.0f threads=%d%n", (System.nanoTime() - fill) / 1e6, threads);
        }
        long open = System.nanoTime();
        try (ThreadIndex index = ThreadIndex.open(home)) {
            index.findLatest("/work/p7", "openai").orElseThrow();
            double firstUse = (System.nanoTime() - open) / 1e6;
            long[] samples = new long[1001];
            for (int i = 0; i < samples.length; i++) {
                long s = System.nanoTime();
                index.findLatest("/work/p" + (i % 50), "openai").orElseThrow();
                samples[i] = System.nanoTime() - s;
            }
            Arrays.sort(samples);
            System.out.printf("index_first_use_ms=%.1f find_latest_median_us=%.0f find_latest_p99_us=%.0f%n",
                    firstUse, samples[samples.length / 2] / 1e3, samples[samples.length * 99 / 100] / 1e3);
        }
    }
}
