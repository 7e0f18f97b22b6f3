package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark must measure real work: its generated inputs parse and apply. */
class BenchmarkInputsTest {

    @Test
    void updatePatchAppliesAllChunksToTheGeneratedFile() {
        String file = ApplyPatchBenchmark.generateFile();
        Patch patch = ApplyPatch.parse(ApplyPatchBenchmark.generateUpdatePatch());
        var chunks = ((FileChange.UpdateFile) patch.changes().getFirst()).chunks();

        String result = ChunkApplier.apply(TextContent.of(file, false), chunks, "big.py");

        assertThat(file.lines()).hasSize(50_000);
        assertThat(chunks).hasSize(200);
        assertThat(result.lines()).hasSize(50_200);
        assertThat(result.split("checked\\(total\\)", -1)).hasSize(201);
    }

    @Test
    void bigPatchIsAtLeastOneMebibyteAndParses() {
        String text = ApplyPatchBenchmark.generateBigPatch(1 << 20);

        assertThat(text.length()).isGreaterThanOrEqualTo(1 << 20);
        assertThat(ApplyPatch.parse(text).changes()).hasSizeGreaterThan(2_500);
    }
}
