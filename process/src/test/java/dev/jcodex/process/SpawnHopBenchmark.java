package dev.jcodex.process;

import dev.jcodex.common.SpawnConfinement;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the cost of the confined-spawn thread hop: median wall time of {@code /bin/true} spawned with
 * {@link SpawnConfinement#NONE} (spawn on the calling thread) versus a no-op confinement (fresh platform thread).
 * Run by hand, not by the test suite:
 * {@code java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes:<common.jar>
 * dev.jcodex.process.SpawnHopBenchmark [iterations]}.
 */
public final class SpawnHopBenchmark {

    private SpawnHopBenchmark() {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        ProcessLauncher launcher = ProcessLauncher.system();
        SpawnConfinement noOp = () -> {};
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin");
        ExecRequest plain = ExecRequest.of(List.of("/bin/true"), Path.of("/"), env);
        ExecRequest hopped = plain.withConfinement(noOp);
        for (int i = 0; i < 50; i++) {
            spawnOnly(launcher, plain);
            spawnOnly(launcher, hopped);
        }
        long[] spawnNone = new long[iterations];
        long[] spawnHop = new long[iterations];
        long[] runNone = new long[iterations];
        long[] runHop = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            spawnNone[i] = spawnOnly(launcher, plain);
            spawnHop[i] = spawnOnly(launcher, hopped);
            runNone[i] = fullRun(launcher, plain);
            runHop[i] = fullRun(launcher, hopped);
        }
        long[] bareHop = new long[iterations * 10];
        for (int i = 0; i < bareHop.length; i++) {
            long start = System.nanoTime();
            ConfinedSpawn.run(noOp, "nothing", () -> 0);
            bareHop[i] = System.nanoTime() - start;
        }
        System.out.printf("iterations=%d%n", iterations);
        System.out.printf("bare hop (platform thread start + confinement + join)  median %.3f ms  p90 %.3f ms%n",
                median(bareHop), p90(bareHop));
        System.out.printf("start() NONE        median %.3f ms  p90 %.3f ms%n", median(spawnNone), p90(spawnNone));
        System.out.printf("start() no-op hop   median %.3f ms  p90 %.3f ms%n", median(spawnHop), p90(spawnHop));
        System.out.printf("run()   NONE        median %.3f ms  p90 %.3f ms%n", median(runNone), p90(runNone));
        System.out.printf("run()   no-op hop   median %.3f ms  p90 %.3f ms%n", median(runHop), p90(runHop));
    }

    /** Time for {@code start} alone (the spawn, including the hop); the process is then closed untimed. */
    private static long spawnOnly(ProcessLauncher launcher, ExecRequest request) throws Exception {
        long start = System.nanoTime();
        RunningProcess process = launcher.start(request);
        long elapsed = System.nanoTime() - start;
        process.waitFor();
        process.close();
        return elapsed;
    }

    private static long fullRun(ProcessLauncher launcher, ExecRequest request) throws Exception {
        long start = System.nanoTime();
        launcher.run(request);
        return System.nanoTime() - start;
    }

    private static double median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p90(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.9)] / 1e6;
    }
}
