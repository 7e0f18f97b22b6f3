package dev.jcodex.applypatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark (not a unit test; run it with {@code apply-patch/bench.sh}).
 *
 * <ul>
 *   <li>{@code plan200HunksOn50kLines}: {@link ApplyPatch#plan} of one Update section with 200 chunks against a
 *       generated 50,000-line file (read from a temporary directory, page-cached; nothing is written).</li>
 *   <li>{@code apply200HunksInMemory}: the same chunks applied to the already decoded text (matching and
 *       rendering only).</li>
 *   <li>{@code parse1MiBPatch}: {@link ApplyPatch#parse} of a generated patch of at least 1 MiB.</li>
 * </ul>
 *
 * <p>The generated file is made of 200 blocks of 250 lines whose bodies repeat the same lines, so each chunk needs
 * its {@code @@ def function_N(x):} header to find its place, as in real code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ApplyPatchBenchmark {

    static final int BLOCKS = 200;
    static final int LINES_PER_BLOCK = 250;

    private Path dir;
    private Patch updatePatch;
    private List<UpdateChunk> chunks;
    private TextContent decoded;
    private String bigPatchText;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("apply-patch-bench");
        String file = generateFile();
        Files.writeString(dir.resolve("big.py"), file);
        decoded = TextContent.of(file, false);
        updatePatch = ApplyPatch.parse(generateUpdatePatch());
        chunks = ((FileChange.UpdateFile) updatePatch.changes().getFirst()).chunks();
        bigPatchText = generateBigPatch(1 << 20);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public PatchPlan plan200HunksOn50kLines() {
        return ApplyPatch.plan(updatePatch, dir);
    }

    @Benchmark
    public String apply200HunksInMemory() {
        return ChunkApplier.apply(decoded, chunks, "big.py");
    }

    @Benchmark
    public Patch parse1MiBPatch() {
        return ApplyPatch.parse(bigPatchText);
    }

    /** 200 blocks × 250 lines = 50,000 lines. */
    static String generateFile() {
        StringBuilder out = new StringBuilder();
        for (int block = 0; block < BLOCKS; block++) {
            out.append("def function_").append(block).append("(x):\n");
            for (int line = 1; line < LINES_PER_BLOCK - 1; line++) {
                switch (line % 5) {
                    case 0 -> out.append("    if x > 0:\n");
                    case 1 -> out.append("        x = x - 1\n");
                    case 2 -> out.append("    total = total + x  # step ").append(line).append('\n');
                    case 3 -> out.append("    log(\"value\", x)\n");
                    default -> out.append('\n');
                }
            }
            out.append("    return x\n");
        }
        return out.toString();
    }

    /** One section, one chunk per block: header, three context lines, a replaced line. */
    static String generateUpdatePatch() {
        StringBuilder out = new StringBuilder("*** Begin Patch\n*** Update File: big.py\n");
        for (int block = 0; block < BLOCKS; block++) {
            out.append("@@ def function_").append(block).append("(x):\n")
                    .append("         x = x - 1\n")
                    .append("-    total = total + x  # step 102\n")
                    .append("+    total = total + 2 * x  # step 102, doubled\n")
                    .append("+    checked(total)\n")
                    .append("     log(\"value\", x)\n");
        }
        return out.append("*** End Patch\n").toString();
    }

    /** Many sections of every kind until the text reaches {@code size} characters. */
    static String generateBigPatch(int size) {
        StringBuilder out = new StringBuilder("*** Begin Patch\n");
        for (int n = 0; out.length() < size; n++) {
            switch (n % 3) {
                case 0 -> {
                    out.append("*** Add File: src/generated/file_").append(n).append(".txt\n");
                    for (int i = 0; i < 20; i++) {
                        out.append("+generated line ").append(i).append(" of file ").append(n).append('\n');
                    }
                }
                case 1 -> out.append("*** Delete File: src/old/file_").append(n).append(".txt\n");
                default -> {
                    out.append("*** Update File: src/main/file_").append(n).append(".py\n");
                    for (int c = 0; c < 4; c++) {
                        out.append("@@ def function_").append(c).append("(x):\n")
                                .append("     x = x - 1\n-    old line ").append(c).append('\n')
                                .append("+    new line ").append(c).append('\n').append("     return x\n");
                    }
                }
            }
        }
        return out.append("*** End Patch\n").toString();
    }
}
