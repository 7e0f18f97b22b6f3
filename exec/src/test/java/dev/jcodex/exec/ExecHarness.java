package dev.jcodex.exec;

import dev.jcodex.appserver.client.AppServerClient;
import dev.jcodex.appserver.client.InMemoryTransport;
import dev.jcodex.appserver.protocol.ThreadStartResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@link ExecRunner} against a {@link FakeAppServer} over an in-memory transport and captures its output. */
final class ExecHarness {
    private final InMemoryTransport.Pair pair = InMemoryTransport.pair();
    private final FakeAppServer server;
    private byte[] stdin = new byte[0];
    private boolean stdinIsTty;
    private InterruptHook hook = InterruptHook.NONE;

    /** What a run printed and returned. */
    record Run(int exitCode, String stdout, String stderr) {}

    ExecHarness(ThreadStartResponse started, List<FakeAppServer.Step> steps) {
        this.server = new FakeAppServer(pair.server(), started, steps);
    }

    FakeAppServer server() {
        return server;
    }

    ExecHarness stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    ExecHarness stdin(byte[] bytes) {
        stdin = bytes;
        return this;
    }

    ExecHarness stdinIsTty() {
        stdinIsTty = true;
        return this;
    }

    ExecHarness hook(InterruptHook value) {
        hook = value;
        return this;
    }

    Run run(ExecOptions options) throws Exception {
        server.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (AppServerClient client = AppServerClient.start(pair.client());
                PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new ExecRunner(hook).run(options, client, new ByteArrayInputStream(stdin), stdinIsTty, outStream,
                    errStream);
        }
        server.stop();
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
