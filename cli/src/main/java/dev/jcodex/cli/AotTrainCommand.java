package dev.jcodex.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code codex debug aot-train}: the workload the build runs once with {@code -XX:AOTCacheOutput} so the JDK 25 AOT
 * cache holds the classes (and method profiles) a real start-up touches: argument parsing, help rendering, config,
 * JSON, and complete {@code exec} turns — plain reply, {@code exec_command} in and out of the sandbox,
 * {@code apply_patch}, {@code update_plan}, JSONL and human output — against a loopback {@link AotTrainServer}
 * with a throwaway {@code CODEX_HOME} and work directory. Output is discarded; it must exit normally.
 */
@Command(name = "aot-train", hidden = true, description = "Run the AOT cache training workload.")
final class AotTrainCommand implements Callable<Integer> {
    private static final String PATCH = """
            *** Begin Patch
            *** Add File: notes.txt
            +trained
            *** End Patch
            """;

    private final CliIo io;

    AotTrainCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        List<String[]> runs = List.of(
                new String[] {"--help"},
                new String[] {"exec", "--help"},
                new String[] {"completion", "bash"},
                new String[] {"completion", "fish"},
                new String[] {"features", "list"},
                new String[] {"-c", "model=\"o3\"", "-c", "sandbox_mode=\"workspace-write\"", "features", "list"},
                new String[] {"--version"});
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Path root = Files.createTempDirectory("jcodex-aot-train");
        try {
            Path home = Files.createDirectories(root.resolve("codex-home"));
            Path workdir = Files.createDirectories(root.resolve("wd"));
            Files.createDirectories(workdir.resolve(".git"));
            Files.writeString(workdir.resolve("README.md"), "training work directory\n");
            Map<String, String> env = new HashMap<>(io.env());
            env.put("CODEX_HOME", home.toString());
            env.put("MOCK_API_KEY", "aot-train");
            CliIo trainIo = new CliIo(InputStream.nullInputStream(), quiet, quiet, env, workdir, false);
            for (String[] args : runs) {
                Main.run(trainIo, args);
            }
            int turns = execTurns(trainIo, workdir);
            io.out().println("aot-train: " + runs.size() + " runs, " + turns + " model requests, " + sink.size()
                    + " bytes of output");
        } finally {
            deleteTree(root);
        }
        return 0;
    }

    /** Complete {@code exec} sessions against the loopback server; returns how many model requests it answered. */
    private int execTurns(CliIo trainIo, Path workdir) {
        try (AotTrainServer server = AotTrainServer.start()) {
            List<String> common = List.of("-c", "model_provider=mock", "-c",
                    "model_providers.mock={name=\"mock\",base_url=\"" + server.baseUrl()
                            + "\",wire_api=\"responses\",env_key=\"MOCK_API_KEY\"}",
                    "-c", "check_for_update_on_startup=false", "-c", "features.plugins=false",
                    "-c", "features.remote_plugin=false", "-c", "features.apps=false", "-m", "gpt-5.5");
            // A plain reply, as JSONL.
            server.enqueue(List.of(AotTrainServer.message("Hello from the training model.")));
            exec(trainIo, List.of("--json"), common, "Say hello.");
            // Tool calls in the workspace-write sandbox: exec_command, apply_patch, update_plan.
            server.enqueue(List.of(AotTrainServer.reasoning("Planning to run echo."),
                    AotTrainServer.functionCall("call_echo", "exec_command", "{\"cmd\":\"echo hi\",\"yield_time_ms\":2000}")));
            server.enqueue(List.of(AotTrainServer.customToolCall("call_patch", "apply_patch", PATCH)));
            server.enqueue(List.of(AotTrainServer.functionCall("call_plan", "update_plan",
                    "{\"plan\":[{\"step\":\"Run echo\",\"status\":\"completed\"},"
                            + "{\"step\":\"Report\",\"status\":\"in_progress\"}]}")));
            server.enqueue(List.of(AotTrainServer.message("The command printed: hi")));
            exec(trainIo, List.of("--json", "--sandbox", "workspace-write"), common, "Run echo hi, add notes.txt.");
            // Human output, no sandbox.
            server.enqueue(List.of(AotTrainServer.functionCall("call_ls", "exec_command",
                    "{\"cmd\":\"ls\",\"yield_time_ms\":2000}")));
            server.enqueue(List.of(AotTrainServer.message("Listed the files.")));
            exec(trainIo, List.of("--dangerously-bypass-approvals-and-sandbox"), common, "List the files.");
            return server.served();
        }
    }

    private void exec(CliIo trainIo, List<String> options, List<String> common, String prompt) {
        List<String> args = new ArrayList<>();
        args.add("exec");
        args.addAll(options);
        args.addAll(common);
        args.add(prompt);
        int code = Main.run(trainIo, args.toArray(String[]::new));
        if (code != 0) {
            io.err().println("aot-train: exec " + options + " exited " + code + " (training continues)");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
