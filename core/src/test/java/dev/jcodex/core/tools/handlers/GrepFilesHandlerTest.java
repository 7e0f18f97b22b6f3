package dev.jcodex.core.tools.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcodex.core.tools.ToolArgumentException;
import dev.jcodex.core.tools.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GrepFilesHandlerTest {
    @TempDir
    Path dir;

    private final GrepFilesHandler java = new GrepFilesHandler(Optional.empty());

    /** The pure-Java backend always; ripgrep as well when it is installed. */
    static Stream<String> backends() {
        return GrepFilesHandler.findOnPath("rg").isPresent() ? Stream.of("java", "rg") : Stream.of("java");
    }

    private static GrepFilesHandler backend(String name) {
        return name.equals("rg") ? new GrepFilesHandler(GrepFilesHandler.findOnPath("rg")) : new GrepFilesHandler(
                Optional.empty());
    }

    private ToolResult grep(GrepFilesHandler handler, String json) throws InterruptedException {
        return handler.handle(new FakeReadTurn(dir).call("grep_files", json));
    }

    private Path file(String relative, String content, long epochSecond) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        return p;
    }

    @BeforeEach
    void tree() throws IOException {
        file("src/old.rs", "fn alpha() {}\n", 1_000);
        file("src/new.rs", "// alpha here\n", 3_000);
        file("src/mid.py", "alpha = 1\n", 2_000);
        file("docs/readme.md", "nothing to see\n", 4_000);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void listsMatchingFilesNewestFirst(String backend) throws Exception {
        assertThat(grep(backend(backend), "{\"pattern\":\"alpha\"}")).isEqualTo(ToolResult.ok(String.join("\n",
                dir.resolve("src/new.rs").toString(), dir.resolve("src/mid.py").toString(),
                dir.resolve("src/old.rs").toString())));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void includeGlobAndLimitNarrowTheResult(String backend) throws Exception {
        GrepFilesHandler h = backend(backend);
        assertThat(grep(h, "{\"pattern\":\"alpha\",\"include\":\"*.rs\"}")).isEqualTo(ToolResult.ok(
                dir.resolve("src/new.rs") + "\n" + dir.resolve("src/old.rs")));
        assertThat(grep(h, "{\"pattern\":\"alpha\",\"include\":\"*.{py,md}\"}")).isEqualTo(ToolResult.ok(
                dir.resolve("src/mid.py").toString()));
        assertThat(grep(h, "{\"pattern\":\"alpha\",\"limit\":1}")).isEqualTo(ToolResult.ok(
                dir.resolve("src/new.rs").toString()));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void pathIsResolvedAgainstTheWorkingDirectoryAndMayBeAFile(String backend) throws Exception {
        GrepFilesHandler h = backend(backend);
        assertThat(grep(h, "{\"pattern\":\"fn\\\\s+alpha\",\"path\":\"src\"}")).isEqualTo(ToolResult.ok(
                dir.resolve("src/old.rs").toString()));
        assertThat(grep(h, "{\"pattern\":\"alpha\",\"path\":\"src/mid.py\"}")).isEqualTo(ToolResult.ok(
                dir.resolve("src/mid.py").toString()));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void noMatchIsAFailureTheModelCanRead(String backend) throws Exception {
        assertThat(grep(backend(backend), "{\"pattern\":\"zebra\"}")).isEqualTo(ToolResult.failure(
                "No matches found."));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void invalidRegexIsAFailureNamingTheProblem(String backend) throws Exception {
        ToolResult.Text result = (ToolResult.Text) grep(backend(backend), "{\"pattern\":\"(unclosed\"}");
        assertThat(result.success()).isFalse();
        assertThat(result.text()).containsIgnoringCase("unclosed group");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void skipsHiddenAndGitIgnoredFilesInsideAGitWorkTree(String backend) throws Exception {
        Files.createDirectory(dir.resolve(".git"));
        file(".hidden/secret.txt", "alpha\n", 5_000);
        file(".env", "alpha\n", 5_000);
        file("build/out.rs", "alpha\n", 5_000);
        file("logs/keep.log", "alpha\n", 5_000);
        file("logs/drop.log", "alpha\n", 5_000);
        Files.writeString(dir.resolve(".gitignore"), "# build output\nbuild/\n*.log\n!keep.log\n");
        file("src/gen/code.rs", "alpha\n", 6_000);
        Files.writeString(dir.resolve("src/.gitignore"), "/gen\n");
        assertThat(grep(backend(backend), "{\"pattern\":\"alpha\"}")).isEqualTo(ToolResult.ok(String.join("\n",
                dir.resolve("logs/keep.log").toString(), dir.resolve("src/new.rs").toString(),
                dir.resolve("src/mid.py").toString(), dir.resolve("src/old.rs").toString())));
    }

    @Test
    void gitIgnoreFilesOutsideAGitWorkTreeAreNotApplied() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("plain"));
        Files.writeString(sub.resolve(".gitignore"), "*.txt\n");
        Files.writeString(sub.resolve("a.txt"), "alpha\n");
        assertThat(grep(java, "{\"pattern\":\"alpha\",\"path\":\"plain\"}")).isEqualTo(ToolResult.ok(
                sub.resolve("a.txt").toString()));
    }

    @Test
    void binaryFilesMatchOnlyBeforeTheirFirstNulByte() throws Exception {
        Path bin = dir.resolve("data.bin");
        Files.write(bin, new byte[] {'x', '\n', 0, 'b', 'e', 't', 'a', '\n'});
        Path early = dir.resolve("early.bin");
        Files.write(early, new byte[] {'b', 'e', 't', 'a', '\n', 0, '\n'});
        assertThat(grep(java, "{\"pattern\":\"beta\"}")).isEqualTo(ToolResult.ok(early.toString()));
    }

    @Test
    void validatesArgumentsAndPaths() throws Exception {
        assertThat(grep(java, "{\"pattern\":\"   \"}")).isEqualTo(ToolResult.failure("pattern must not be empty"));
        assertThat(grep(java, "{\"pattern\":\"a\",\"limit\":0}")).isEqualTo(ToolResult.failure(
                "limit must be greater than zero (got 0)"));
        assertThat(grep(java, "{\"pattern\":\"a\",\"path\":\"nope\"}")).isEqualTo(ToolResult.failure(
                "unable to access `" + dir.resolve("nope") + "`: no such file or directory. Check `path` (relative "
                        + "paths are resolved against " + dir + ")"));
        ToolResult.Text badRegex = (ToolResult.Text) grep(java, "{\"pattern\":\"(unclosed\"}");
        assertThat(badRegex.success()).isFalse();
        assertThat(badRegex.text()).startsWith("invalid regex `(unclosed`: Unclosed group");
        assertThatThrownBy(() -> grep(java, "{\"include\":\"*.rs\"}"))
                .isInstanceOf(ToolArgumentException.class).hasMessageContaining("missing field `pattern`");
    }

    @Test
    void rustNamedGroupsAreAccepted() throws Exception {
        assertThat(GrepFilesHandler.rustToJavaRegex("(?P<name>fn) x")).isEqualTo("(?<name>fn) x");
        assertThat(grep(java, "{\"pattern\":\"(?P<kw>fn) alpha\"}")).isEqualTo(ToolResult.ok(
                dir.resolve("src/old.rs").toString()));
    }

    @Test
    void resultsBeyondTheOutputBudgetAreSummarised() throws Exception {
        for (int i = 0; i < 60; i++) {
            file("many/file-%02d.txt".formatted(i), "needle\n", 10_000 + i);
        }
        ToolResult result = new GrepFilesHandler(Optional.empty()).handle(new FakeReadTurn(dir, 200)
                .call("grep_files", "{\"pattern\":\"needle\"}"));
        List<String> lines = ((ToolResult.Text) result).text().lines().toList();
        int shown = lines.size() - 1;
        assertThat(lines.getFirst()).isEqualTo(dir.resolve("many/file-59.txt").toString());
        assertThat(lines.getLast()).isEqualTo("[" + (60 - shown) + " more matching files not shown to fit the tool "
                + "output budget; narrow `path` or `include`, or make the pattern more specific]");
    }

    @Test
    void gitIgnoreRulesFollowGitSemantics() {
        Path base = Path.of("/repo");
        GitIgnoreRules rules = GitIgnoreRules.parse(base, List.of("*.o", "!keep.o", "/root-only.txt", "out/",
                "docs/**/draft.md", "\\#literal"));
        assertThat(rules.match(base.resolve("x/y.o"), false)).isEqualTo(GitIgnoreRules.Verdict.IGNORED);
        assertThat(rules.match(base.resolve("x/keep.o"), false)).isEqualTo(GitIgnoreRules.Verdict.WHITELISTED);
        assertThat(rules.match(base.resolve("root-only.txt"), false)).isEqualTo(GitIgnoreRules.Verdict.IGNORED);
        assertThat(rules.match(base.resolve("sub/root-only.txt"), false)).isEqualTo(GitIgnoreRules.Verdict.NONE);
        assertThat(rules.match(base.resolve("a/out"), true)).isEqualTo(GitIgnoreRules.Verdict.IGNORED);
        assertThat(rules.match(base.resolve("a/out"), false)).isEqualTo(GitIgnoreRules.Verdict.NONE);
        assertThat(rules.match(base.resolve("docs/draft.md"), false)).isEqualTo(GitIgnoreRules.Verdict.IGNORED);
        assertThat(rules.match(base.resolve("docs/a/b/draft.md"), false)).isEqualTo(GitIgnoreRules.Verdict.IGNORED);
        assertThat(rules.match(base.resolve("#literal"), false)).isEqualTo(GitIgnoreRules.Verdict.IGNORED);
        assertThat(rules.match(Path.of("/elsewhere/y.o"), false)).isEqualTo(GitIgnoreRules.Verdict.NONE);
    }

    @Test
    void specIsAFunctionRequiringPattern() {
        assertThat(java.name()).isEqualTo("grep_files");
        assertThat(java.mutating(null)).isFalse();
        assertThat(java.spec().get("parameters").get("required").toString()).isEqualTo("[\"pattern\"]");
        assertThat(java.spec().get("parameters").get("properties").propertyNames())
                .containsExactly("pattern", "include", "path", "limit");
    }
}
