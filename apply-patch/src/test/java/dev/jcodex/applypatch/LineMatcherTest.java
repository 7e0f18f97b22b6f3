package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcodex.applypatch.LineMatcher.Match;
import dev.jcodex.applypatch.LineMatcher.Pass;
import dev.jcodex.applypatch.UpdateChunk.Anchor;
import org.junit.jupiter.api.Test;

class LineMatcherTest {

    private static Match find(String[] lines, String[] pattern, int cursor) {
        return LineMatcher.find(lines, pattern, cursor, Anchor.AFTER_PREVIOUS);
    }

    private static String[] lines(String... lines) {
        return lines;
    }

    @Test
    void exactMatch() {
        assertThat(find(lines("foo", "bar", "baz"), lines("bar", "baz"), 0)).isEqualTo(new Match(1, Pass.EXACT));
    }

    @Test
    void searchStartsAtCursor() {
        assertThat(find(lines("x", "a", "x", "a"), lines("x"), 1)).isEqualTo(new Match(2, Pass.EXACT));
    }

    @Test
    void ignoresTrailingWhitespace() {
        assertThat(find(lines("foo   ", "bar\t\t"), lines("foo", "bar"), 0))
                .isEqualTo(new Match(0, Pass.IGNORE_TRAILING_WHITESPACE));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(find(lines("    foo   ", "   bar\t"), lines("foo", "bar"), 0))
                .isEqualTo(new Match(0, Pass.IGNORE_SURROUNDING_WHITESPACE));
    }

    @Test
    void blankLinesOfDifferentWidthMatchWhenWhitespaceIsIgnored() {
        assertThat(find(lines("a", "   ", "b"), lines("a", "", "b"), 0))
                .isEqualTo(new Match(0, Pass.IGNORE_TRAILING_WHITESPACE));
        assertThat(LineMatcher.same("  ", "\t", Pass.IGNORE_SURROUNDING_WHITESPACE)).isTrue();
    }

    @Test
    void foldsTypographicPunctuation() {
        String[] file = lines("import asyncio  # local import \u2013 avoids top\u2011level dep",
                "\u201Cquoted\u201D and \u2018single\u2019", "a\u00A0b\u3000c\u2212d");
        String[] pattern = lines("import asyncio  # local import - avoids top-level dep", "\"quoted\" and 'single'",
                "a b c-d");

        assertThat(find(file, pattern, 0)).isEqualTo(new Match(0, Pass.FOLD_PUNCTUATION));
    }

    @Test
    void unicodeWhitespaceIsTrimmedLikeTheReference() {
        assertThat(LineMatcher.same("\u00A0foo\u2003", "foo", Pass.IGNORE_SURROUNDING_WHITESPACE)).isTrue();
        assertThat(LineMatcher.same("foo\u00A0", "foo", Pass.IGNORE_TRAILING_WHITESPACE)).isTrue();
    }

    @Test
    void stricterPassWinsOverEarlierLooseMatch() {
        assertThat(find(lines("  foo", "foo"), lines("foo"), 0)).isEqualTo(new Match(1, Pass.EXACT));
    }

    @Test
    void emptyPatternMatchesAtCursor() {
        assertThat(find(lines("a", "b"), lines(), 1)).isEqualTo(new Match(1, Pass.EXACT));
    }

    @Test
    void patternLongerThanFileNeverMatches() {
        assertThat(find(lines("a"), lines("a", "b"), 0)).isNull();
    }

    @Test
    void noMatch() {
        assertThat(find(lines("a", "b"), lines("c"), 0)).isNull();
        assertThat(find(lines("a", "b"), lines("a"), 1)).isNull();
    }

    @Test
    void endOfFileAnchorOnlyTriesTheLastPosition() {
        String[] file = lines("x", "y", "x");

        assertThat(LineMatcher.find(file, lines("x"), 0, Anchor.END_OF_FILE)).isEqualTo(new Match(2, Pass.EXACT));
        assertThat(LineMatcher.find(file, lines("y"), 0, Anchor.END_OF_FILE)).isNull();
        assertThat(LineMatcher.find(file, lines("x", "y"), 0, Anchor.END_OF_FILE)).isNull();
    }

    @Test
    void endOfFileAnchorRespectsCursor() {
        assertThat(LineMatcher.find(lines("a", "b"), lines("a", "b"), 1, Anchor.END_OF_FILE)).isNull();
    }
}
