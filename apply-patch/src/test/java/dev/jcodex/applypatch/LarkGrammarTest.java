package dev.jcodex.applypatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The grammar is checked for real with Python Lark by hand (see the README); here: it ships, and it names every
 * marker the parser knows.
 */
class LarkGrammarTest {

    @Test
    void grammarIsBundledAndCoversEveryMarker() {
        String grammar = ApplyPatch.larkGrammar();

        assertThat(grammar).startsWith("// The apply_patch patch language").contains("start:");
        for (String marker : new String[] {PatchParser.BEGIN_PATCH, PatchParser.END_PATCH, PatchParser.ADD_FILE,
                PatchParser.DELETE_FILE, PatchParser.UPDATE_FILE, PatchParser.MOVE_TO, PatchParser.END_OF_FILE}) {
            assertThat(grammar).contains("\"" + marker);
        }
        assertThat(ApplyPatch.larkGrammar()).isSameAs(grammar);
    }
}
