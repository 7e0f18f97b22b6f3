package dev.jcodex.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code codex debug aot-train}: the workload the build runs once with {@code -XX:AOTCacheOutput} so the JDK 25 AOT
 * cache holds the classes a real start-up touches (argument parsing, help rendering, config, JSON). Output is
 * discarded; it must exit normally.
 */
@Command(name = "aot-train", hidden = true, description = "Run the AOT cache training workload.")
final class AotTrainCommand implements Callable<Integer> {

    private final CliIo io;

    AotTrainCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        List<String[]> runs = List.of(
                new String[] {"--help"},
                new String[] {"completion", "bash"},
                new String[] {"completion", "fish"},
                new String[] {"features", "list"},
                new String[] {"-c", "model=\"o3\"", "-c", "sandbox_mode=\"workspace-write\"", "features", "list"},
                new String[] {"--version"});
        String home = io.env().get("CODEX_HOME");
        if (home != null) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(home));
            } catch (java.io.IOException e) {
                io.err().println("aot-train: cannot create " + home + ": " + e.getMessage());
            }
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        CliIo trainIo = new CliIo(InputStream.nullInputStream(), quiet, quiet, io.env(), io.cwd(), false);
        for (String[] args : runs) {
            Main.run(trainIo, args);
        }
        dev.jcodex.protocol.ProtocolJson.write(new dev.jcodex.protocol.ThreadEvent.TurnStarted());
        io.out().println("aot-train: " + runs.size() + " runs, " + sink.size() + " bytes of output");
        return 0;
    }
}
