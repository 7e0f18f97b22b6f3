package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import dev.jcodex.protocol.ProtocolJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class ReadFileHandlerTest {
    @TempDir
    Path dir;

    private final ReadFileHandler handler = new ReadFileHandler();

    private ToolResult read(Path file, String extra) throws InterruptedException {
        return read(new FakeReadTurn(dir), file, extra);
    }

    private ToolResult read(FakeReadTurn turn, Path file, String extra) throws InterruptedException {
        ObjectNode args = ProtocolJson.mapper().createObjectNode().put("file_path", file.toString());
        String json = args.toString();
        if (!extra.isEmpty()) {
            json = json.substring(0, json.length() - 1) + "," + extra + "}";
        }
        return handler.handle(turn.call("read_file", json));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("f.txt"), content);
    }

    @Test
    void readsRequestedRange() throws Exception {
        Path f = write("alpha\nbeta\ngamma\n");
        assertThat(read(f, "\"offset\":2,\"limit\":2")).isEqualTo(ToolResult.ok("L2: beta\nL3: gamma"));
        assertThat(read(f, "")).isEqualTo(ToolResult.ok("L1: alpha\nL2: beta\nL3: gamma"));
    }

    @Test
    void respectsLimitAndKeepsLastLineWithoutNewline() throws Exception {
        Path f = write("first\nsecond\nthird");
        assertThat(read(f, "\"limit\":2")).isEqualTo(ToolResult.ok("L1: first\nL2: second"));
        assertThat(read(f, "\"offset\":3")).isEqualTo(ToolResult.ok("L3: third"));
    }

    @Test
    void offsetBeyondEndIsAFailureNamingTheLineCount() throws Exception {
        Path f = write("only\n");
        assertThat(read(f, "\"offset\":3")).isEqualTo(ToolResult.failure(
                "offset exceeds file length: offset 3 but `" + f + "` has 1 line"));
    }

    @Test
    void decodesInvalidUtf8AsReplacementAndTrimsCrlf() throws Exception {
        Path f = dir.resolve("bin.txt");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, '\r', '\n', 'o', 'n', 'e', '\r', '\n'});
        assertThat(read(f, "")).isEqualTo(ToolResult.ok("L1: \uFFFD\uFFFD\nL2: one"));
    }

    @Test
    void cutsLongLinesAt500BytesOnACharacterBoundary() throws Exception {
        Path f = write("x".repeat(550) + "\n" + "é".repeat(300) + "\n");
        assertThat(read(f, "")).isEqualTo(ToolResult.ok("L1: " + "x".repeat(500) + "\nL2: " + "é".repeat(250)));
    }

    @Test
    void validatesArgumentsWithActionableMessages() throws Exception {
        Path f = write("a\n");
        assertThat(read(f, "\"offset\":0")).isEqualTo(ToolResult.failure(
                "offset must be a 1-indexed line number (got 0); the first line of a file is offset 1"));
        assertThat(read(f, "\"limit\":0")).isEqualTo(ToolResult.failure("limit must be greater than zero (got 0)"));
        ToolResult relative = handler.handle(new FakeReadTurn(dir).call("read_file", "{\"file_path\":\"src/a.txt\"}"));
        assertThat(relative).isEqualTo(ToolResult.failure("file_path must be an absolute path, got `src/a.txt`; "
                + "relative to the working directory that is `" + dir.resolve("src/a.txt") + "`"));
    }

    @Test
    void missingFileAndDirectoryAreFailures() throws Exception {
        Path missing = dir.resolve("nope.txt");
        assertThat(read(missing, "")).isEqualTo(ToolResult.failure("failed to read file `" + missing
                + "`: no such file. Check the path; list_dir or grep_files can help find the right one"));
        assertThat(read(dir, "")).isEqualTo(ToolResult.failure(
                "`" + dir + "` is a directory, not a file; use list_dir to see its entries"));
    }

    @Test
    void malformedArgumentsThrow() {
        var turn = new FakeReadTurn(dir);
        assertThatThrownBy(() -> handler.handle(turn.call("read_file", "{not json")))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("failed to parse function arguments");
        assertThatThrownBy(() -> handler.handle(turn.call("read_file", "{\"offset\":1}")))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("missing field `file_path`");
        assertThatThrownBy(() -> handler.handle(turn.call("read_file", "{\"file_path\":\"/x\",\"mode\":\"tail\"}")))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("unknown mode `tail`");
        assertThatThrownBy(() -> handler.handle(turn.call("read_file", "{\"file_path\":\"/x\",\"offset\":\"2\"}")))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("`offset` must be a number");
    }

    @Test
    void stopsAtTheOutputBudgetWithAContinuationNote() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            sb.append("line number ").append(i).append('\n');
        }
        Path f = write(sb.toString());
        // 100 tokens = 400 bytes, minus the reserved note space: the first few lines only.
        ToolResult result = read(new FakeReadTurn(dir, 100), f, "");
        String text = ((ToolResult.Text) result).text();
        assertThat(result).isInstanceOf(ToolResult.Text.class).extracting("success").isEqualTo(true);
        assertThat(text).startsWith("L1: line number 1\nL2: line number 2\n");
        String last = text.substring(text.lastIndexOf('\n') + 1);
        int next = text.split("\n").length;
        assertThat(last).isEqualTo("[output truncated before line " + next + " to fit the tool output budget; "
                + "call read_file again with offset=" + next + " to continue]");
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(400 + 120);
    }

    @Test
    void indentationModeCapturesTheEnclosingBlock() throws Exception {
        Path f = write("fn outer() {\n    if cond {\n        inner();\n    }\n    tail();\n}\n");
        assertThat(read(f, "\"mode\":\"indentation\",\"offset\":3,\"indentation\":{\"max_levels\":1}"))
                .isEqualTo(ToolResult.ok("L2:     if cond {\nL3:         inner();\nL4:     }"));
    }

    @Test
    void indentationModeExpandsParentsPerLevel() throws Exception {
        Path f = write("mod root {\n    fn outer() {\n        if cond {\n            inner();\n        }\n    }\n}\n");
        assertThat(read(f, "\"mode\":\"indentation\",\"indentation\":{\"anchor_line\":4,\"max_levels\":2}"))
                .isEqualTo(ToolResult.ok("L2:     fn outer() {\nL3:         if cond {\nL4:             inner();\n"
                        + "L5:         }\nL6:     }"));
        assertThat(read(f, "\"mode\":\"indentation\",\"indentation\":{\"anchor_line\":4,\"max_levels\":3}"))
                .isEqualTo(ToolResult.ok("L1: mod root {\nL2:     fn outer() {\nL3:         if cond {\n"
                        + "L4:             inner();\nL5:         }\nL6:     }\nL7: }"));
    }

    @Test
    void indentationModeSiblingsFlag() throws Exception {
        Path f = write("fn wrapper() {\n    if first {\n        do_first();\n    }\n    if second {\n"
                + "        do_second();\n    }\n}\n");
        String base = "\"mode\":\"indentation\",\"indentation\":{\"anchor_line\":3,\"max_levels\":1";
        assertThat(read(f, base + "}")).isEqualTo(ToolResult.ok(
                "L2:     if first {\nL3:         do_first();\nL4:     }"));
        assertThat(read(f, base + ",\"include_siblings\":true}")).isEqualTo(ToolResult.ok(
                "L2:     if first {\nL3:         do_first();\nL4:     }\nL5:     if second {\n"
                        + "L6:         do_second();\nL7:     }"));
    }

    private static final String CPP = """
            #include <vector>

            namespace demo {
            class Worker {
            public:
                void start() {
                    if (ready_) {
                        boot();
                    }
                }

                // Pick a path
                int pick() const {
                    switch (mode_) {
                        case Mode::A:
                            return a();
                        default:
                            return b();
                    }
                }
            };
            }
            """;

    @Test
    void indentationModeTakesHeaderCommentsUnlessDisabled() throws Exception {
        Path f = write(CPP);
        String body = "L13:     int pick() const {\nL14:         switch (mode_) {\nL15:             case Mode::A:\n"
                + "L16:                 return a();\nL17:             default:\nL18:                 return b();\n"
                + "L19:         }\nL20:     }";
        String args = "\"mode\":\"indentation\",\"indentation\":{\"anchor_line\":17,\"max_levels\":2";
        assertThat(read(f, args + "}")).isEqualTo(ToolResult.ok("L12:     // Pick a path\n" + body));
        assertThat(read(f, args + ",\"include_header\":false}")).isEqualTo(ToolResult.ok(body));
        assertThat(read(f, args + ",\"include_header\":false,\"include_siblings\":true}")).isEqualTo(ToolResult.ok(
                "L6:     void start() {\nL7:         if (ready_) {\nL8:             boot();\nL9:         }\n"
                        + "L10:     }\nL11: \nL12:     // Pick a path\n" + body));
    }

    @Test
    void indentationModeHonoursMaxLinesAndValidatesAnchor() throws Exception {
        Path f = write(CPP);
        assertThat(read(f, "\"mode\":\"indentation\",\"indentation\":{\"anchor_line\":16,\"max_lines\":1}"))
                .isEqualTo(ToolResult.ok("L16:                 return a();"));
        assertThat(read(f, "\"mode\":\"indentation\",\"indentation\":{\"anchor_line\":16,\"max_lines\":3}"))
                .isEqualTo(ToolResult.ok("L15:             case Mode::A:\nL16:                 return a();\n"
                        + "L17:             default:"));
        assertThat(read(f, "\"mode\":\"indentation\",\"indentation\":{\"anchor_line\":99}")).isEqualTo(
                ToolResult.failure("anchor_line exceeds file length: anchor_line 99 but `" + f + "` has 22 lines"));
        assertThat(read(f, "\"mode\":\"indentation\",\"indentation\":{\"max_lines\":0}")).isEqualTo(
                ToolResult.failure("max_lines must be greater than zero (got 0)"));
    }

    @Test
    void indentationModeTakesOneLineAtTheMinimumIndentBelowTheBlockAsItsCloser() throws Exception {
        Path f = write("a = 1\n\ndef f():\n    x = 1\n\n    return x\n\ndef g():\n    pass\n");
        assertThat(read(f, "\"mode\":\"indentation\",\"offset\":4")).isEqualTo(ToolResult.ok(
                "L3: def f():\nL4:     x = 1\nL5: \nL6:     return x\nL7: \nL8: def g():\nL9:     pass"));
    }

    @Test
    void specIsAFunctionRequiringFilePath() {
        assertThat(handler.name()).isEqualTo("read_file");
        assertThat(handler.mutating(null)).isFalse();
        assertThat(handler.spec().get("type").asString()).isEqualTo("function");
        assertThat(handler.spec().get("parameters").get("required").toString()).isEqualTo("[\"file_path\"]");
        assertThat(handler.spec().get("parameters").get("properties").propertyNames())
                .containsExactly("file_path", "offset", "limit", "mode", "indentation");
    }
}
