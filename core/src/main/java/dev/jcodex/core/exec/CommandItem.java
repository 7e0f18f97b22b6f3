package dev.jcodex.core.exec;

import dev.jcodex.core.tools.TurnServices;
import dev.jcodex.process.OutputListener;
import dev.jcodex.process.ProcessLauncher;
import dev.jcodex.process.StreamKind;
import dev.jcodex.protocol.EventMsg;
import dev.jcodex.protocol.TurnItem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The user-visible life of one command: {@code ItemStarted} with a {@link TurnItem.CommandExecution} in progress,
 * {@code CommandOutputDelta}s while output arrives, and exactly one {@code ItemCompleted}. The item id is the call
 * id; the command is the argv as the user sees it (without any sandbox wrapper).
 *
 * <p>Output listeners may call in from reader threads; completion may race between the handler and a process exit
 * notification, and only the first completion is emitted. Thread-safe.
 */
public final class CommandItem {

    /** Most characters of output kept for the completed item when the process result is not at hand. */
    static final int MAX_ACCUMULATED_CHARS = 1024 * 1024;

    private final TurnServices turn;
    private final String callId;
    private final List<String> command;
    private final Path cwd;
    private final TurnItem.CommandSource source;
    private final long startNanos = System.nanoTime();
    private final Map<StreamKind, StreamDecoder> decoders = new EnumMap<>(StreamKind.class);
    private final StringBuilder accumulated = new StringBuilder();
    private int deltas;
    private int attempt;
    private boolean completed;
    private boolean armed;
    private Integer exitSeen;
    private String processId;
    private Runnable onArmedCompletion = () -> {};

    private CommandItem(TurnServices turn, String callId, List<String> command, Path cwd,
            TurnItem.CommandSource source) {
        this.turn = turn;
        this.callId = callId;
        this.command = List.copyOf(command);
        this.cwd = cwd;
        this.source = source;
    }

    /** Emits {@code ItemStarted} for a command about to be run (or refused) and returns its tracker. */
    public static CommandItem start(TurnServices turn, String callId, List<String> command, Path cwd,
            TurnItem.CommandSource source) {
        CommandItem item = new CommandItem(turn, callId, command, cwd, source);
        turn.emit(new EventMsg.ItemStarted(turn.turnId(), item.snapshot(TurnItem.Status.IN_PROGRESS, "", null, null)));
        return item;
    }

    /** The argv shown to the user. */
    public List<String> command() {
        return command;
    }

    /** The command's working directory. */
    public Path cwd() {
        return cwd;
    }

    /**
     * A listener for one attempt: streams deltas (at most {@link ProcessLauncher#MAX_DELTAS_PER_RUN} per item) and
     * keeps the decoded output; starting a new attempt forgets the previous attempt's output.
     */
    public OutputListener newAttempt() {
        int current;
        synchronized (this) {
            decoders.clear();
            accumulated.setLength(0);
            exitSeen = null;
            current = ++attempt;
        }
        return new OutputListener() {
            @Override
            public void onOutput(StreamKind stream, byte[] chunk) {
                output(current, stream, chunk);
            }

            @Override
            public void onExit(int exitCode, String aggregatedOutput) {
                exited(current, exitCode);
            }
        };
    }

    /** Completes the item (once; later calls are ignored): COMPLETED for exit code 0, FAILED otherwise. */
    public void completeWithExit(int exitCode, String aggregatedOutput) {
        complete(exitCode == 0 ? TurnItem.Status.COMPLETED : TurnItem.Status.FAILED, aggregatedOutput, exitCode);
    }

    /** Completes the item without an exit code (refusals: DECLINED; errors and interrupts: FAILED). */
    public void completeWithoutExit(TurnItem.Status status, String message) {
        complete(status, message, null);
    }

    /** Output decoded so far in the current attempt (at most {@value #MAX_ACCUMULATED_CHARS} characters). */
    public synchronized String accumulatedOutput() {
        return accumulated.toString();
    }

    /** Whether the completion has been emitted. */
    public synchronized boolean isCompleted() {
        return completed;
    }

    /**
     * For a process that outlived its call: from now on its exit completes the item (at once if it already exited),
     * with the output accumulated so far; {@code onCompletion} runs after that completion.
     */
    void completeOnExit(String sessionId, Runnable onCompletion) {
        Integer exit;
        synchronized (this) {
            processId = sessionId;
            onArmedCompletion = onCompletion;
            armed = true;
            exit = exitSeen;
        }
        if (exit != null) {
            completeWithExit(exit, accumulatedOutput());
            onCompletion.run();
        }
    }

    private void output(int fromAttempt, StreamKind stream, byte[] chunk) {
        String text;
        synchronized (this) {
            if (completed || fromAttempt != attempt) {
                return;
            }
            text = decoders.computeIfAbsent(stream, kind -> new StreamDecoder()).decode(chunk);
            if (text.isEmpty()) {
                return;
            }
            int room = MAX_ACCUMULATED_CHARS - accumulated.length();
            if (room > 0) {
                accumulated.append(text, 0, Math.min(room, text.length()));
            }
            if (++deltas > ProcessLauncher.MAX_DELTAS_PER_RUN) {
                return;
            }
        }
        turn.emit(new EventMsg.CommandOutputDelta(turn.turnId(), callId, text));
    }

    private void exited(int fromAttempt, int exitCode) {
        boolean complete;
        Runnable after;
        synchronized (this) {
            if (fromAttempt != attempt) {
                return;
            }
            exitSeen = exitCode;
            complete = armed && !completed;
            after = onArmedCompletion;
        }
        if (complete) {
            completeWithExit(exitCode, accumulatedOutput());
            after.run();
        }
    }

    private void complete(TurnItem.Status status, String aggregatedOutput, Integer exitCode) {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
        }
        turn.emit(new EventMsg.ItemCompleted(turn.turnId(), snapshot(status, aggregatedOutput, exitCode,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))));
    }

    private synchronized TurnItem.CommandExecution snapshot(TurnItem.Status status, String output, Integer exitCode,
            Long durationMs) {
        return new TurnItem.CommandExecution(callId, command, cwd.toString(), processId, source, status, output,
                exitCode, durationMs);
    }

    /** UTF-8 decoding of one stream across chunk boundaries (a sequence split between reads is kept for later). */
    private static final class StreamDecoder {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private byte[] carry = new byte[0];

        String decode(byte[] chunk) {
            ByteBuffer in = ByteBuffer.allocate(carry.length + chunk.length).put(carry).put(chunk).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            carry = new byte[in.remaining()];
            in.get(carry);
            return out.flip().toString();
        }
    }
}
