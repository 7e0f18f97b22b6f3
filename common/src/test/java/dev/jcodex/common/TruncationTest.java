package dev.jcodex.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.common.Truncation.TruncationPolicy;
import org.junit.jupiter.api.Test;

class TruncationTest {

    private static final String EMOJI_TEXT = "😀😀😀😀😀😀😀😀😀😀\nsecond line with text\n";

    @Test
    void tokenEstimateRoundsUpUtf8Bytes() {
        assertThat(Truncation.approxTokenCount("")).isZero();
        assertThat(Truncation.approxTokenCount("hi\n")).isEqualTo(1);
        assertThat(Truncation.approxTokenCount("abcd")).isEqualTo(1);
        assertThat(Truncation.approxTokenCount("abcde")).isEqualTo(2);
        assertThat(Truncation.approxTokenCount("😀")).isEqualTo(1);
        assertThat(Truncation.approxTokenCount("é")).isEqualTo(1);
        assertThat(Truncation.utf8Length("aé😀€")).isEqualTo(1 + 2 + 4 + 3);
    }

    @Test
    void budgetsConvertBetweenUnits() {
        assertThat(TruncationPolicy.tokens(10).byteBudget()).isEqualTo(40);
        assertThat(TruncationPolicy.bytes(10).tokenBudget()).isEqualTo(3);
        assertThat(TruncationPolicy.bytes(10).byteBudget()).isEqualTo(10);
        assertThat(TruncationPolicy.tokens(Long.MAX_VALUE).byteBudget()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> TruncationPolicy.bytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textWithinBudgetIsUnchanged() {
        assertThat(Truncation.truncate("short output", TruncationPolicy.tokens(100))).isEqualTo("short output");
        assertThat(Truncation.formattedTruncate("short output", TruncationPolicy.tokens(3))).isEqualTo("short output");
        assertThat(Truncation.truncate("", TruncationPolicy.tokens(0))).isEmpty();
        assertThat(Truncation.truncate("abc", TruncationPolicy.bytes(3))).isEqualTo("abc");
    }

    @Test
    void zeroTokenBudgetLeavesOnlyTheMarker() {
        assertThat(Truncation.truncate("abcdef", TruncationPolicy.tokens(0))).isEqualTo("…2 tokens truncated…");
        assertThat(Truncation.truncate("abcdef", TruncationPolicy.bytes(0))).isEqualTo("…6 chars truncated…");
    }

    @Test
    void tokenModeKeepsHeadAndTailOnCharacterBoundaries() {
        assertThat(Truncation.truncate(EMOJI_TEXT, TruncationPolicy.tokens(8)))
                .isEqualTo("😀😀😀😀…8 tokens truncated… line with text\n");
    }

    @Test
    void byteModeCountsRemovedCharacters() {
        assertThat(Truncation.truncate(EMOJI_TEXT, TruncationPolicy.bytes(20)))
                .isEqualTo("😀😀…21 chars truncated…with text\n");
        assertThat(Truncation.truncate("hello world", TruncationPolicy.bytes(10))).isEqualTo("hello…1 chars truncated…world");
    }

    @Test
    void oddBudgetGivesTheExtraByteToTheTail() {
        assertThat(Truncation.truncate("abcdefghij", TruncationPolicy.bytes(5))).isEqualTo("ab…5 chars truncated…hij");
    }

    @Test
    void formattedTruncationPrefixesTheOriginalLineCount() {
        assertThat(Truncation.formattedTruncate(EMOJI_TEXT, TruncationPolicy.tokens(8)))
                .isEqualTo("Total output lines: 2\n\n😀😀😀😀…8 tokens truncated… line with text\n");
        assertThat(Truncation.formattedTruncate(EMOJI_TEXT, TruncationPolicy.bytes(20)))
                .isEqualTo("Total output lines: 2\n\n😀😀…21 chars truncated…with text\n");
    }

    @Test
    void lineCountFollowsTheReferenceRules() {
        assertThat(Truncation.lineCount("")).isZero();
        assertThat(Truncation.lineCount("a")).isEqualTo(1);
        assertThat(Truncation.lineCount("a\n")).isEqualTo(1);
        assertThat(Truncation.lineCount("a\nb")).isEqualTo(2);
        assertThat(Truncation.lineCount("\n\n")).isEqualTo(2);
        assertThat(Truncation.lineCount("a\r\nb\r\n")).isEqualTo(2);
    }

    @Test
    void largeOutputTruncatesToRoughlyTheBudget() {
        String line = "line of output number xxxxx\n";
        String text = line.repeat(10_000);
        String out = Truncation.truncate(text, TruncationPolicy.tokens(100));
        assertThat(out).startsWith("line of output").endsWith("xxxxx\n");
        long removedTokens = Truncation.approxTokensFromByteCount(text.length() - 400L);
        assertThat(out).contains("…" + removedTokens + " tokens truncated…");
        assertThat(Truncation.utf8Length(out)).isEqualTo(400 + ("…" + removedTokens + " tokens truncated…").getBytes(
                java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
