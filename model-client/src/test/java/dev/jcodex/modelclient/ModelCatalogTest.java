package dev.jcodex.modelclient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.protocol.ReasoningEffort;
import dev.jcodex.protocol.ReasoningSummary;
import dev.jcodex.protocol.Verbosity;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
    private final ModelCatalog catalog = ModelCatalog.bundled();

    @Test
    void bundlesTheExpectedFamilies() {
        assertThat(catalog.models()).extracting(ModelInfo::slug).containsExactlyInAnyOrder("gpt-5.5", "gpt-5.4",
                "gpt-5.4-mini", "gpt-5.3-codex", "gpt-5.2", "gpt-5", "gpt-5-codex", "o3", "o4-mini", "gpt-4.1",
                "gpt-oss");
        assertThat(catalog.models()).filteredOn(m -> m.slug().startsWith("gpt-5"))
                .allSatisfy(m -> assertThat(m.contextWindow()).isEqualTo(272_000));
    }

    @Test
    void gpt55MatchesTheCapturedRequestDefaults() {
        assertThat(catalog.find("gpt-5.5")).isEqualTo(new ModelInfo("gpt-5.5", "GPT-5.5", 272_000, null, true,
                ReasoningEffort.MEDIUM, ReasoningSummary.NONE, true, Verbosity.LOW, true, ShellToolType.SHELL_COMMAND,
                ApplyPatchToolType.FREEFORM, TruncationPolicy.tokens(10_000), false));
        assertThat(catalog.find("gpt-5.2").defaultReasoningSummary()).isEqualTo(ReasoningSummary.AUTO);
        assertThat(catalog.find("gpt-5.2").truncationPolicy()).isEqualTo(TruncationPolicy.bytes(10_000));
    }

    @Test
    void longestPrefixWinsAndKeepsTheRequestedSlug() {
        assertThat(catalog.find("gpt-5.4-mini-2026-01").displayName()).isEqualTo("GPT-5.4-Mini");
        assertThat(catalog.find("gpt-5.4-mini-2026-01").slug()).isEqualTo("gpt-5.4-mini-2026-01");
        assertThat(catalog.find("gpt-5.4").displayName()).isEqualTo("GPT-5.4");
        assertThat(catalog.find("gpt-5-codex-mini").displayName()).isEqualTo("GPT-5-Codex");
        assertThat(catalog.find("gpt-5.1").displayName()).isEqualTo("GPT-5");
        assertThat(catalog.find("gpt-oss:20b").contextWindow()).isEqualTo(96_000);
        assertThat(catalog.find("openai/gpt-oss-20b").displayName()).isEqualTo("gpt-oss");
        assertThat(catalog.find("openai/gpt-oss-20b").slug()).isEqualTo("openai/gpt-oss-20b");
        assertThat(catalog.find("o4-mini").contextWindow()).isEqualTo(200_000);
        assertThat(catalog.find("gpt-4.1").contextWindow()).isEqualTo(1_047_576);
    }

    @Test
    void unknownSlugsGetFlaggedFallbackMetadata() {
        ModelInfo info = catalog.find("llama3.3");

        assertThat(catalog.lookup("llama3.3")).isEmpty();
        assertThat(info).isEqualTo(ModelInfo.fallback("llama3.3"));
        assertThat(info.usedFallbackMetadata()).isTrue();
        assertThat(info.contextWindow()).isEqualTo(272_000);
        assertThat(info.truncationPolicy()).isEqualTo(TruncationPolicy.bytes(10_000));
        assertThat(info.supportsReasoningSummaries()).isFalse();
        assertThat(info.applyPatchToolType()).isEqualTo(ApplyPatchToolType.NONE);
        assertThat(info.shellType()).isEqualTo(ShellToolType.DEFAULT);
    }

    @Test
    void autoCompactDefaultsToNinetyPercentOfTheWindow() {
        assertThat(catalog.find("gpt-5.5").effectiveAutoCompactTokenLimit()).isEqualTo(244_800);
    }

    @Test
    void configOverridesApply() {
        ModelInfo base = catalog.find("gpt-5.2");

        ModelInfo o = base.withOverrides(new ModelOverrides(128_000L, 100_000L, null, 2_000L));

        assertThat(o.contextWindow()).isEqualTo(128_000);
        assertThat(o.effectiveAutoCompactTokenLimit()).isEqualTo(100_000);
        assertThat(o.truncationPolicy()).isEqualTo(TruncationPolicy.bytes(8_000));
        assertThat(catalog.find("gpt-5.5").withOverrides(new ModelOverrides(null, null, null, 2_000L))
                .truncationPolicy()).isEqualTo(TruncationPolicy.tokens(2_000));
        assertThat(ModelInfo.fallback("x").withOverrides(new ModelOverrides(null, null, true, null))
                .supportsReasoningSummaries()).isTrue();
        assertThat(base.withOverrides(new ModelOverrides(null, null, false, null)).supportsReasoningSummaries())
                .isTrue();
        assertThat(base.withOverrides(ModelOverrides.NONE)).isEqualTo(base);
    }
}
