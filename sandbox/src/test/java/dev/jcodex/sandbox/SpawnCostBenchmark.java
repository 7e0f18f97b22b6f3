package dev.jcodex.sandbox;

import dev.jcodex.common.SpawnConfinement;
import dev.jcodex.protocol.SandboxPolicy;
import dev.jcodex.sandbox.LandlockConfinement.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-spawn cost of each launch path: spawn {@code /bin/true} and wait for it, variants interleaved round-robin
 * so machine load hits them alike; median of {@value #RUNS} after {@value #WARMUP} warm-ups. Not a test: run with
 * {@code -Djcodex.bench=true -Dtest=SpawnCostBenchmark}; the figures go into the README by hand.
 */
@EnabledIfSystemProperty(named = "jcodex.bench", matches = "true")
class SpawnCostBenchmark {

    private static final int WARMUP = 15;
    private static final int RUNS = 60;

    @TempDir Path tmp;

    @Test
    void measure() throws Exception {
        Path cwd = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(cwd.resolve(".git"));
        for (int i = 0; i < 20; i++) {
            Files.createDirectories(cwd.resolve("dir" + i));
            Files.writeString(cwd.resolve("file" + i), "x");
        }
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir"));
        Map<String, String> env = new LinkedHashMap<>(ShellRun.ENV);
        env.put("TMPDIR", tmpdir.toString());
        SandboxPolicy ws = new SandboxPolicy.WorkspaceWrite(List.of(), false, false, true);
        SandboxPolicy wsWithSlashTmp = new SandboxPolicy.WorkspaceWrite(List.of(), false, true, false);
        List<String> truth = List.of("/bin/true");
        SpawnConfinement landlock = LandlockConfinement.forPolicy(ws, cwd, env, Layout.SPLIT);
        SpawnConfinement landlockSlashTmp = LandlockConfinement.forPolicy(wsWithSlashTmp, cwd, env, Layout.SPLIT);
        SpawnConfinement readOnly = LandlockConfinement.forPolicy(new SandboxPolicy.ReadOnly(), cwd, env);
        boolean mountNs = MountNamespace.unavailableReason().isEmpty();
        SpawnConfinement landlockNs = LandlockConfinement.forPolicy(ws, cwd, env, Layout.MOUNT_NAMESPACE);
        SpawnConfinement landlockNsSlashTmp = LandlockConfinement.forPolicy(wsWithSlashTmp, cwd, env,
                Layout.MOUNT_NAMESPACE);
        Map<String, Callable<Integer>> variants = new LinkedHashMap<>();
        variants.put("plain ProcessBuilder spawn", () -> SandboxedSpawn.builder(truth, cwd, env, Map.of()).start().waitFor());
        variants.put("fresh platform thread, nothing else", () -> {
            Thread.ofPlatform().start(() -> { }).join();
            return 0;
        });
        variants.put("Landlock apply only (fresh thread), split", () -> {
            Thread.ofPlatform().start(landlock::applyToCurrentThread).join();
            return 0;
        });
        if (mountNs) {
            variants.put("Landlock apply only (fresh thread), mount ns", () -> {
                Thread.ofPlatform().start(landlockNs::applyToCurrentThread).join();
                return 0;
            });
        }
        variants.put("Landlock hop + spawn, read-only", () -> SandboxedSpawn.startConfined(readOnly,
                SandboxedSpawn.builder(truth, cwd, env, Map.of())).waitFor());
        variants.put("Landlock hop + spawn, ws, split", () -> SandboxedSpawn.startConfined(landlock,
                SandboxedSpawn.builder(truth, cwd, env, Map.of())).waitFor());
        variants.put("Landlock hop + spawn, ws, split, under /tmp root", () -> SandboxedSpawn.startConfined(
                landlockSlashTmp, SandboxedSpawn.builder(truth, cwd, env, Map.of())).waitFor());
        if (mountNs) {
            variants.put("Landlock hop + spawn, ws, mount ns", () -> SandboxedSpawn.startConfined(landlockNs,
                    SandboxedSpawn.builder(truth, cwd, env, Map.of())).waitFor());
            variants.put("Landlock hop + spawn, ws, mount ns, under /tmp root", () -> SandboxedSpawn.startConfined(
                    landlockNsSlashTmp, SandboxedSpawn.builder(truth, cwd, env, Map.of())).waitFor());
        }
        BubblewrapLauncher.detect().ifPresent(bwrap -> {
            variants.put("bubblewrap argv build only", () -> bwrap.argvPrefix(ws, cwd, env).size() > 0 ? 0 : 1);
            variants.put("bubblewrap + spawn, workspace-write", () -> {
                List<String> argv = new ArrayList<>(bwrap.argvPrefix(ws, cwd, env));
                argv.addAll(truth);
                return SandboxedSpawn.builder(argv, cwd, env, Map.of()).start().waitFor();
            });
        });
        Map<String, long[]> nanos = new LinkedHashMap<>();
        variants.keySet().forEach(name -> nanos.put(name, new long[RUNS]));
        for (int round = -WARMUP; round < RUNS; round++) {
            for (Map.Entry<String, Callable<Integer>> variant : variants.entrySet()) {
                long start = System.nanoTime();
                int exit = variant.getValue().call();
                long elapsed = System.nanoTime() - start;
                if (exit != 0) {
                    throw new IllegalStateException(variant.getKey() + ": exit " + exit);
                }
                if (round >= 0) {
                    nanos.get(variant.getKey())[round] = elapsed;
                }
            }
        }
        System.out.printf("BENCH load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        nanos.forEach((name, times) -> {
            Arrays.sort(times);
            System.out.printf("BENCH %-50s median %6.2f ms   p90 %6.2f ms   min %6.2f ms%n", name,
                    times[RUNS / 2] / 1e6, times[RUNS * 9 / 10] / 1e6, times[0] / 1e6);
        });
    }
}
